// Still picture decoding with libav.
#include "still_image.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "media_file.h"
#include "padded_frame.h"
#include "pixel_format.h"

namespace etalase::media {

namespace {
constexpr auto kImageIoTimeout = std::chrono::milliseconds(3000);
constexpr int kMaxPacketsPerPicture = 256;
// A poster should show the product, not a fade from black: frames darker than this (mean luma,
// 0-255) are passed over, for at most this many frames.
constexpr double kDarkLuma = 28.0;
constexpr int kMaxFramesToSkipDark = 90;

double meanLuma(const AVFrame* frame) {
  // Sampling every 8th pixel of the first plane is plenty to tell dark from lit.
  if (frame->format != AV_PIX_FMT_YUV420P && frame->format != AV_PIX_FMT_YUVJ420P &&
      frame->format != AV_PIX_FMT_NV12 && frame->format != AV_PIX_FMT_YUV422P &&
      frame->format != AV_PIX_FMT_YUV444P) {
    return 255.0;  // other layouts: do not judge
  }
  double sum = 0.0;
  long count = 0;
  for (int y = 0; y < frame->height; y += 8) {
    const uint8_t* row = frame->data[0] + static_cast<std::ptrdiff_t>(y) * frame->linesize[0];
    for (int x = 0; x < frame->width; x += 8, ++count) sum += row[x];
  }
  return count ? sum / static_cast<double>(count) : 0.0;
}

// Decodes the next picture of the video stream into `frame`; false at the end or on errors.
bool decodeNext(MediaFile& file, AVCodecContext* decoder, AVFrame* frame) {
  av::PacketPtr packet = av::makePacket();
  for (int i = 0; i < kMaxPacketsPerPicture; ++i) {
    if (avcodec_receive_frame(decoder, frame) == 0) return true;
    file.watchdog().arm(kImageIoTimeout);
    const int rc = av_read_frame(file.format(), packet.get());
    if (rc < 0) {
      avcodec_send_packet(decoder, nullptr);
      return avcodec_receive_frame(decoder, frame) == 0;
    }
    if (packet->stream_index == file.info().videoStream) avcodec_send_packet(decoder, packet.get());
    av_packet_unref(packet.get());
  }
  return false;
}

Result<av::FramePtr> uprightRgba(const std::string& path, const AVFrame* frame, VideoGeometry geometry,
                                 int maxWidth, int maxHeight) {
  geometry.codedWidth = frame->width;
  geometry.codedHeight = frame->height;
  const double scale = std::min({1.0, maxWidth / geometry.displayWidth(), maxHeight / geometry.displayHeight()});
  const bool sideways = geometry.rotationDegrees % 180 != 0;
  // Scale in the coded orientation, then turn the pixels upright.
  const int scaledW = std::max(1, static_cast<int>(std::lround((sideways ? geometry.displayHeight() : geometry.displayWidth()) * scale)));
  const int scaledH = std::max(1, static_cast<int>(std::lround((sideways ? geometry.displayWidth() : geometry.displayHeight()) * scale)));
  av::SwsPtr scaler(sws_getContext(frame->width, frame->height, withoutJpegRange(frame->format),
                                   scaledW, scaledH, AV_PIX_FMT_RGBA, SWS_BICUBIC, nullptr, nullptr, nullptr));
  if (!scaler) return Error{path, "cannot convert the picture's pixel format"};
  if (isFullRange(frame)) {
    const int* coefficients = sws_getCoefficients(SWS_CS_DEFAULT);
    sws_setColorspaceDetails(scaler.get(), coefficients, 1, coefficients, 1, 0, 1 << 16, 1 << 16);
  }
  av::FramePtr scaled = av::makePaddedFrame(AV_PIX_FMT_RGBA, scaledW, scaledH);
  if (!scaled) return Error{path, "out of memory"};
  sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, scaled->data, scaled->linesize);
  if (geometry.rotationDegrees == 0) return scaled;

  av::FramePtr upright = av::makePaddedFrame(AV_PIX_FMT_RGBA, sideways ? scaledH : scaledW, sideways ? scaledW : scaledH);
  if (!upright) return Error{path, "out of memory"};
  for (int y = 0; y < scaledH; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(scaled->data[0] + y * scaled->linesize[0]);
    for (int x = 0; x < scaledW; ++x) {
      int ux = x, uy = y;  // clockwise rotation of (x, y)
      if (geometry.rotationDegrees == 90) {
        ux = scaledH - 1 - y;
        uy = x;
      } else if (geometry.rotationDegrees == 180) {
        ux = scaledW - 1 - x;
        uy = scaledH - 1 - y;
      } else if (geometry.rotationDegrees == 270) {
        ux = y;
        uy = scaledW - 1 - x;
      }
      reinterpret_cast<uint32_t*>(upright->data[0] + uy * upright->linesize[0])[ux] = row[x];
    }
  }
  return upright;
}

Result<av::FramePtr> pictureAt(const std::string& path, double seconds, bool skipDark, int maxWidth,
                               int maxHeight) {
  auto file = MediaFile::open(path, kImageIoTimeout);
  if (!file) return file.error();
  const StreamInfo& info = file.value().info();
  auto decoder = openDecoder(file.value(), info.videoStream, 1);
  if (!decoder) return decoder.error();
  if (seconds > 0.0) {
    const AVStream* stream = file.value().format()->streams[info.videoStream];
    const int64_t target = static_cast<int64_t>(seconds / av_q2d(stream->time_base)) +
                           (stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time);
    file.value().watchdog().arm(kImageIoTimeout);
    // Lands on the keyframe before the target: close enough for a poster, and cheap.
    av_seek_frame(file.value().format(), info.videoStream, target, AVSEEK_FLAG_BACKWARD);
  }
  av::FramePtr frame = av::makeFrame();
  av::FramePtr brightest;
  double brightestLuma = -1.0;
  for (int i = 0; i < (skipDark ? kMaxFramesToSkipDark : 1); ++i) {
    if (!decodeNext(file.value(), decoder.value().get(), frame.get())) break;
    const double luma = skipDark ? meanLuma(frame.get()) : 255.0;
    if (luma > brightestLuma) {
      brightestLuma = luma;
      brightest = std::exchange(frame, av::makeFrame());
    }
    if (luma >= kDarkLuma) break;
  }
  if (!brightest) return Error{path, "no picture could be decoded"};
  return uprightRgba(path, brightest.get(), info.geometry, maxWidth, maxHeight);
}

}  // namespace

Result<av::FramePtr> loadStillImage(const std::string& path, int maxWidth, int maxHeight) {
  return pictureAt(path, 0.0, false, maxWidth, maxHeight);
}

Result<av::FramePtr> makePoster(const std::string& video, int maxWidth, int maxHeight) {
  return pictureAt(video, kPosterAtSeconds, true, maxWidth, maxHeight);
}

}  // namespace etalase::media
