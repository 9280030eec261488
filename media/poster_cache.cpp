// Poster cache: one raw RGBA file per video and size, named by what makes it current.
#include "poster_cache.h"

#include <fmt/format.h>

#include <cstring>
#include <fstream>
#include <functional>

#include "log.h"
#include "padded_frame.h"
#include "still_image.h"

namespace etalase::media {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'E', 'T', 'P', 'O', 'S', 'T', 'R', '1'};

struct Header {
  char magic[8];
  int32_t width;
  int32_t height;
};

av::FramePtr readEntry(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  Header header{};
  if (!in.read(reinterpret_cast<char*>(&header), sizeof header)) return nullptr;
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.width <= 0 || header.height <= 0 ||
      header.width > 8192 || header.height > 8192) {
    return nullptr;
  }
  av::FramePtr frame = av::makePaddedFrame(AV_PIX_FMT_RGBA, header.width, header.height);
  if (!frame) return nullptr;
  const std::streamsize rowBytes = static_cast<std::streamsize>(header.width) * 4;
  for (int y = 0; y < header.height; ++y) {
    if (!in.read(reinterpret_cast<char*>(frame->data[0] + y * frame->linesize[0]), rowBytes)) return nullptr;
  }
  return frame;
}

bool writeEntry(const fs::path& file, const AVFrame* frame) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.width = frame->width;
    header.height = frame->height;
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    for (int y = 0; y < frame->height; ++y) {
      out.write(reinterpret_cast<const char*>(frame->data[0] + y * frame->linesize[0]),
                static_cast<std::streamsize>(frame->width) * 4);
    }
    if (!out.flush()) {
      fs::remove(temporary, ec);
      return false;
    }
  }
  fs::rename(temporary, file, ec);
  if (ec) fs::remove(temporary, ec);
  return !ec;
}

}  // namespace

fs::path PosterCache::entryFor(const std::string& video, int maxWidth, int maxHeight) const {
  std::error_code ec;
  const fs::path absolute = fs::absolute(video, ec).lexically_normal();
  const auto size = fs::file_size(absolute, ec);
  const auto modified = fs::last_write_time(absolute, ec).time_since_epoch().count();
  const std::string identity = fmt::format("{}|{}|{}|{}x{}", absolute.string(), size, modified, maxWidth, maxHeight);
  return m_directory / fmt::format("{:016x}.poster", std::hash<std::string>{}(identity));
}

Result<av::FramePtr> PosterCache::poster(const std::string& video, int maxWidth, int maxHeight) const {
  const fs::path entry = entryFor(video, maxWidth, maxHeight);
  if (av::FramePtr cached = readEntry(entry)) return cached;
  auto made = makePoster(video, maxWidth, maxHeight);
  if (!made) return made;
  if (!writeEntry(entry, made.value().get())) log::warn("cannot write the poster cache {}", entry.string());
  return made;
}

}  // namespace etalase::media
