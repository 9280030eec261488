// The camera's pictures to zbar, newest first.
#include "kiosk/scan/badge_reader.h"

#include <cstring>

#include "kiosk/scan/qr_reader.h"

namespace etalase::kiosk {

BadgeReader::BadgeReader(const std::string& camera, media::CameraOptions options)
    : m_reader([this] { readLoop(); }),
      m_camera(std::make_unique<media::CameraSource>(
          camera, [this](const media::GreyPicture& picture) { offer(picture); }, options)) {}

BadgeReader::~BadgeReader() {
  m_camera.reset();  // no more pictures offered
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_reader.join();
}

void BadgeReader::offer(const media::GreyPicture& picture) {
  {
    std::lock_guard lock(m_mutex);
    const auto width = static_cast<std::size_t>(picture.width);
    m_slot.resize(width * static_cast<std::size_t>(picture.height));
    for (int y = 0; y < picture.height; ++y) {
      std::memcpy(m_slot.data() + static_cast<std::size_t>(y) * width,
                  picture.pixels + static_cast<std::size_t>(y) * static_cast<std::size_t>(picture.stride), width);
    }
    m_slotWidth = picture.width;
    m_slotHeight = picture.height;
    m_slotFull = true;
  }
  m_wake.notify_one();
}

void BadgeReader::readLoop() {
  QrReader reader;
  std::vector<std::uint8_t> picture;
  while (true) {
    int width = 0, height = 0;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stop || m_slotFull; });
      if (m_stop) return;
      picture.swap(m_slot);
      width = m_slotWidth;
      height = m_slotHeight;
      m_slotFull = false;
    }
    auto codes = reader.read(media::GreyPicture{width, height, width, picture.data()});
    std::lock_guard lock(m_mutex);
    ++m_scanned;
    if (!codes.empty() && !m_found) m_found = std::move(codes.front());
  }
}

std::optional<std::string> BadgeReader::takeCode() {
  std::lock_guard lock(m_mutex);
  if (!m_found) return std::nullopt;
  std::string code = std::move(*m_found);
  m_found.reset();
  if (code == m_lastGiven) return std::nullopt;
  m_lastGiven = code;
  return code;
}

long BadgeReader::picturesScanned() const {
  std::lock_guard lock(m_mutex);
  return m_scanned;
}

}  // namespace etalase::kiosk
