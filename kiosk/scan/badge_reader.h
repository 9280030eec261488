// Reads fair badges' QR codes off a camera. The camera's thread copies each picture into one slot
// and a reader thread runs zbar on the newest, so the camera never waits for zbar and no stale
// picture queues up. The screen takes the codes found; no UI here. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "media/camera_source.h"

namespace etalase::kiosk {

class BadgeReader {
 public:
  // Starts the camera (or the video file standing in for it) and the reader.
  explicit BadgeReader(const std::string& camera, media::CameraOptions options = {});
  ~BadgeReader();  // stops the reader, then the camera
  BadgeReader(const BadgeReader&) = delete;
  BadgeReader& operator=(const BadgeReader&) = delete;

  media::CameraSource& camera() { return *m_camera; }
  // A code read since the last call. The same text again is not given twice in a row: a badge
  // held up is in every picture.
  std::optional<std::string> takeCode();
  long picturesScanned() const;

 private:
  void offer(const media::GreyPicture& picture);  // on the camera's thread
  void readLoop();

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  std::vector<std::uint8_t> m_slot;  // the newest picture not yet read, tight rows
  int m_slotWidth = 0, m_slotHeight = 0;
  bool m_slotFull = false;
  std::optional<std::string> m_found;  // read, not yet taken
  std::string m_lastGiven;
  long m_scanned = 0;

  std::thread m_reader;
  std::unique_ptr<media::CameraSource> m_camera;  // last: its pictures go to the members above
};

}  // namespace etalase::kiosk
