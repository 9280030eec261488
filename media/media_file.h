// Opens a media file with libav, with a read timeout, and picks its video and audio streams.
// Not thread-safe: one owner thread at a time (the demux thread once playback starts).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "av_ptr.h"
#include "error.h"

namespace etalase::media {

// How the picture must be shown: size of the coded picture, pixel aspect, and rotation.
struct VideoGeometry {
  int codedWidth = 0;
  int codedHeight = 0;
  AVRational sampleAspect{1, 1};  // SAR; 0/1 in the file means square
  int rotationDegrees = 0;        // clockwise rotation to apply for display: 0, 90, 180 or 270

  // Size of the picture as a viewer should see it (after SAR and rotation), in square pixels.
  double displayWidth() const;
  double displayHeight() const;
};

struct StreamInfo {
  int videoStream = -1;
  int audioStream = -1;
  VideoGeometry geometry;
  AVRational videoTimeBase{1, 1};
  AVRational audioTimeBase{1, 1};
  double frameRate = 30.0;  // nominal, used for the last frame's duration
  double durationSeconds = 0.0;
};

// Deadline-based interrupt for libav I/O: a stalled read (pulled USB stick, dead network share)
// fails after the timeout instead of hanging the player.
class IoWatchdog {
 public:
  void arm(std::chrono::milliseconds timeout) {
    m_deadline.store(std::chrono::steady_clock::now() + timeout);
  }
  void cancel() { m_cancelled.store(true); }
  void resume() { m_cancelled.store(false); }
  bool expired() const {
    return m_cancelled.load() || std::chrono::steady_clock::now() > m_deadline.load();
  }
  static int callback(void* self) { return static_cast<IoWatchdog*>(self)->expired() ? 1 : 0; }

 private:
  std::atomic<std::chrono::steady_clock::time_point> m_deadline{std::chrono::steady_clock::time_point::max()};
  std::atomic<bool> m_cancelled{false};
};

class MediaFile {
 public:
  // The open itself fails after `timeout`; the reader arms watchdog() before each later read.
  // `inputFormat` names a libav input ("video4linux2" for a camera); empty: found from the file.
  static Result<MediaFile> open(const std::string& path, std::chrono::milliseconds timeout,
                                const std::string& inputFormat = {});

  AVFormatContext* format() const { return m_format.get(); }
  // libav's I/O layer keeps a copy of the interrupt callback, so the watchdog lives on the heap
  // at a fixed address for as long as the file is open.
  IoWatchdog& watchdog() const { return *m_watchdog; }
  const StreamInfo& info() const { return m_info; }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
  std::unique_ptr<IoWatchdog> m_watchdog;  // declared before m_format: outlives it
  av::FormatContextPtr m_format;
  StreamInfo m_info;
};

// Opens a decoder for stream `index` of `format`, using `threads` threads (0 = as many as cores).
Result<av::CodecContextPtr> openDecoder(const MediaFile& file, int index, int threads);

}  // namespace etalase::media
