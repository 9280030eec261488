// A live picture source for reading badges: a V4L2 camera through libav's video4linux2 input, or
// a video file standing in for one (tests, demos), which loops and is paced like a live camera.
// The camera is opened and decoded on the source's own thread, so a slow or stuck camera never
// holds up the screen. Each picture goes, on that thread, to a handler as grey pixels (what a
// code reader wants), and the newest is kept in colour for the screen. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "error.h"

namespace etalase::media {

struct GreyPicture {
  int width = 0;
  int height = 0;
  int stride = 0;  // bytes from one row to the next
  const std::uint8_t* pixels = nullptr;
};

struct CameraPicture {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // bytes R, G, B, A; rows of width * 4 bytes
};

struct CameraOptions {
  // Pictures are scaled down to this width (a badge's code is read well at 640) before the handler
  // and the screen get them.
  int maxWidth = 640;
  // A camera that sends no picture for this long has failed (unplugged, or stuck).
  std::chrono::milliseconds stallTimeout{3000};
};

// True for paths that name a V4L2 device (/dev/video0, /dev/v4l/by-id/...), not a file.
bool isCameraDevice(const std::string& path);

class CameraSource {
 public:
  enum class State { Opening, Running, Failed };
  // Called on the camera's thread for every picture; keep it quick (copy what you need and return).
  using GreyHandler = std::function<void(const GreyPicture&)>;

  // Starts opening `device` (a camera can take a second to open) and returns at once.
  CameraSource(std::string device, GreyHandler onPicture, CameraOptions options = {});
  ~CameraSource();  // stops the thread and closes the camera
  CameraSource(const CameraSource&) = delete;
  CameraSource& operator=(const CameraSource&) = delete;

  State state() const;
  // Why the camera could not be opened or stopped sending pictures (state() is Failed).
  std::optional<Error> failure() const;
  // The newest picture, once per picture: nothing when none came since the last call.
  std::optional<CameraPicture> takePicture();
  // Pictures decoded so far.
  long picturesSeen() const;

 private:
  void run();
  void fail(Error error);
  // Sleeps until `until` or until the source is stopped; false when stopped.
  bool sleepUntil(std::chrono::steady_clock::time_point until);

  const std::string m_device;
  const GreyHandler m_onPicture;
  const CameraOptions m_options;

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  State m_state = State::Opening;
  std::optional<Error> m_failure;
  std::optional<CameraPicture> m_newest;
  long m_pictures = 0;
  std::function<void()> m_interrupt;  // cancels a blocking read, set while the camera is open

  std::thread m_thread;  // last: started when everything above exists
};

}  // namespace etalase::media
