// Poster frames for the product grid, cached on disk so a kiosk decodes each video's poster once,
// and again only when the video file changes (its size or modification time). Thread-safe for
// different videos; writes are atomic (temporary file, then rename).
#pragma once

#include <filesystem>
#include <string>

#include "av_ptr.h"
#include "error.h"

namespace etalase::media {

class PosterCache {
 public:
  explicit PosterCache(std::filesystem::path directory) : m_directory(std::move(directory)) {}

  // The poster of `video`, at most maxWidth x maxHeight, RGBA: from the cache when it is there
  // and current, otherwise made with makePoster() and stored. A cache that cannot be written
  // (read-only or full disk) only costs time: the poster is still returned.
  Result<av::FramePtr> poster(const std::string& video, int maxWidth, int maxHeight) const;

  // Where the poster of `video` at this size is (or would be) kept.
  std::filesystem::path entryFor(const std::string& video, int maxWidth, int maxHeight) const;

 private:
  std::filesystem::path m_directory;
};

}  // namespace etalase::media
