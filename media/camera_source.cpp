// Camera pictures with libav: open, decode, scale, hand over.
#include "camera_source.h"

extern "C" {
#include <libavdevice/avdevice.h>
}

#include <algorithm>
#include <mutex>

#include "av_ptr.h"
#include "log.h"
#include "media_file.h"
#include "pixel_format.h"

namespace etalase::media {

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kOpenTimeout = std::chrono::seconds(5);

void registerDevices() {
  static std::once_flag once;
  std::call_once(once, [] { avdevice_register_all(); });
}

// Scales decoded pictures to one size in one format, keeping its context while the input stays the same.
class Scaler {
 public:
  Scaler(AVPixelFormat to) : m_to(to) {}
  bool convert(const AVFrame* frame, int width, int height, std::uint8_t* out, int outStride) {
    const AVPixelFormat from = withoutJpegRange(frame->format);
    if (!m_context || frame->width != m_inWidth || frame->height != m_inHeight || from != m_from ||
        width != m_outWidth) {
      m_context.reset(sws_getContext(frame->width, frame->height, from, width, height, m_to, SWS_BILINEAR,
                                     nullptr, nullptr, nullptr));
      if (!m_context) return false;
      if (isFullRange(frame)) {
        const int* coefficients = sws_getCoefficients(SWS_CS_DEFAULT);
        sws_setColorspaceDetails(m_context.get(), coefficients, 1, coefficients, 1, 0, 1 << 16, 1 << 16);
      }
      m_inWidth = frame->width;
      m_inHeight = frame->height;
      m_from = from;
      m_outWidth = width;
    }
    std::uint8_t* planes[4] = {out, nullptr, nullptr, nullptr};
    int strides[4] = {outStride, 0, 0, 0};
    sws_scale(m_context.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);
    return true;
  }

 private:
  AVPixelFormat m_to;
  av::SwsPtr m_context;
  int m_inWidth = 0, m_inHeight = 0, m_outWidth = 0;
  AVPixelFormat m_from = AV_PIX_FMT_NONE;
};

}  // namespace

bool isCameraDevice(const std::string& path) { return path.starts_with("/dev/"); }

CameraSource::CameraSource(std::string device, GreyHandler onPicture, CameraOptions options)
    : m_device(std::move(device)), m_onPicture(std::move(onPicture)), m_options(options), m_thread([this] { run(); }) {}

CameraSource::~CameraSource() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    if (m_interrupt) m_interrupt();
  }
  m_wake.notify_all();
  m_thread.join();
}

CameraSource::State CameraSource::state() const {
  std::lock_guard lock(m_mutex);
  return m_state;
}

std::optional<Error> CameraSource::failure() const {
  std::lock_guard lock(m_mutex);
  return m_failure;
}

std::optional<CameraPicture> CameraSource::takePicture() {
  std::lock_guard lock(m_mutex);
  return std::exchange(m_newest, std::nullopt);
}

long CameraSource::picturesSeen() const {
  std::lock_guard lock(m_mutex);
  return m_pictures;
}

void CameraSource::fail(Error error) {
  log::warn("camera: {}", error.text());
  std::lock_guard lock(m_mutex);
  m_state = State::Failed;
  m_failure = std::move(error);
}

bool CameraSource::sleepUntil(Clock::time_point until) {
  std::unique_lock lock(m_mutex);
  m_wake.wait_until(lock, until, [this] { return m_stop; });
  return !m_stop;
}

void CameraSource::run() {
  const bool device = isCameraDevice(m_device);
  if (device) registerDevices();
  auto opened = MediaFile::open(m_device, kOpenTimeout, device ? "video4linux2" : "");
  if (!opened) {
    fail(opened.error());
    return;
  }
  MediaFile file = std::move(opened.value());
  {
    std::lock_guard lock(m_mutex);
    if (m_stop) return;
    m_interrupt = [&file] { file.watchdog().cancel(); };
  }
  // Whatever happens below, the interrupt must not outlive the file it points at.
  struct ClearInterrupt {
    CameraSource* source;
    ~ClearInterrupt() {
      std::lock_guard lock(source->m_mutex);
      source->m_interrupt = nullptr;
    }
  } clearInterrupt{this};

  const int stream = file.info().videoStream;
  // One thread: frame threads would hold pictures back, and a camera wants the newest now.
  auto decoder = openDecoder(file, stream, 1);
  if (!decoder) {
    fail(decoder.error());
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_state = State::Running;
  }
  log::info("camera: reading pictures from {}{}", m_device, device ? "" : " (a video file standing in for a camera)");

  const AVRational timeBase = file.info().videoTimeBase;
  const double frameSeconds = 1.0 / file.info().frameRate;
  Scaler toGrey(AV_PIX_FMT_GRAY8), toRgba(AV_PIX_FMT_RGBA);
  std::vector<std::uint8_t> grey;
  av::PacketPtr packet = av::makePacket();
  av::FramePtr frame = av::makeFrame();
  // A file is shown at its own pace from the moment it (re)starts, as a camera would send it.
  Clock::time_point loopStart = Clock::now();
  int64_t firstPts = AV_NOPTS_VALUE;  // of this pass through the file

  while (true) {
    {
      std::lock_guard lock(m_mutex);
      if (m_stop) return;
    }
    file.watchdog().arm(m_options.stallTimeout);
    const int rc = av_read_frame(file.format(), packet.get());
    if (rc == AVERROR_EOF && !device) {
      // The stand-in file loops, as a camera never ends.
      if (av_seek_frame(file.format(), stream, 0, AVSEEK_FLAG_BACKWARD) < 0) {
        fail(Error{m_device, "cannot go back to the start of the file"});
        return;
      }
      avcodec_flush_buffers(decoder.value().get());
      loopStart = Clock::now();
      firstPts = AV_NOPTS_VALUE;
      continue;
    }
    if (rc < 0) {
      {
        std::lock_guard lock(m_mutex);
        if (m_stop) return;
      }
      fail(Error{m_device, file.watchdog().expired() ? "the camera stopped sending pictures"
                                                     : "cannot read from the camera: " + av::errorText(rc)});
      return;
    }
    const bool ours = packet->stream_index == stream;
    if (ours) avcodec_send_packet(decoder.value().get(), packet.get());
    av_packet_unref(packet.get());
    if (!ours) continue;

    while (avcodec_receive_frame(decoder.value().get(), frame.get()) == 0) {
      if (!device) {
        const int64_t pts = frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : 0;
        if (firstPts == AV_NOPTS_VALUE) firstPts = pts;
        const double at = static_cast<double>(pts - firstPts) * av_q2d(timeBase);
        const auto due = loopStart + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(at));
        // Running late (a busy machine): drop the picture, as a camera would, rather than fall behind.
        if (Clock::now() > due + std::chrono::duration<double>(frameSeconds)) {
          av_frame_unref(frame.get());
          continue;
        }
        if (!sleepUntil(due)) return;
      }
      const int width = std::min(m_options.maxWidth, frame->width) & ~1;
      const int height = std::max(2, static_cast<int>(static_cast<int64_t>(frame->height) * width / frame->width) & ~1);
      grey.resize(static_cast<std::size_t>(width) * height);
      CameraPicture picture;
      picture.width = width;
      picture.height = height;
      picture.rgba.resize(static_cast<std::size_t>(width) * height * 4);
      if (!toGrey.convert(frame.get(), width, height, grey.data(), width) ||
          !toRgba.convert(frame.get(), width, height, picture.rgba.data(), width * 4)) {
        fail(Error{m_device, "cannot convert the camera's pictures"});
        return;
      }
      av_frame_unref(frame.get());
      if (m_onPicture) m_onPicture(GreyPicture{width, height, width, grey.data()});
      std::lock_guard lock(m_mutex);
      m_newest = std::move(picture);
      ++m_pictures;
    }
  }
}

}  // namespace etalase::media
