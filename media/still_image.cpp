// Still picture decoding with libav.
#include "still_image.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "media_file.h"
#include "pixel_format.h"

namespace etalase::media {

namespace {
constexpr auto kImageIoTimeout = std::chrono::milliseconds(3000);
constexpr int kMaxPacketsForFirstFrame = 256;
}

Result<av::FramePtr> loadStillImage(const std::string& path, int maxWidth, int maxHeight) {
  auto file = MediaFile::open(path, kImageIoTimeout);
  if (!file) return file.error();
  const StreamInfo& info = file.value().info();
  auto decoder = openDecoder(file.value(), info.videoStream, 1);
  if (!decoder) return decoder.error();

  av::PacketPtr packet = av::makePacket();
  av::FramePtr frame = av::makeFrame();
  bool decoded = false;
  for (int i = 0; i < kMaxPacketsForFirstFrame && !decoded; ++i) {
    file.value().watchdog().arm(kImageIoTimeout);
    const int rc = av_read_frame(file.value().format(), packet.get());
    const bool eof = rc < 0;
    if (!eof && packet->stream_index != info.videoStream) {
      av_packet_unref(packet.get());
      continue;
    }
    avcodec_send_packet(decoder.value().get(), eof ? nullptr : packet.get());
    av_packet_unref(packet.get());
    decoded = avcodec_receive_frame(decoder.value().get(), frame.get()) == 0;
    if (eof) break;
  }
  if (!decoded) return Error{path, "no picture could be decoded"};

  VideoGeometry geometry = info.geometry;
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
  if (isJpegRange(frame->format) || frame->color_range == AVCOL_RANGE_JPEG) {
    const int* coefficients = sws_getCoefficients(SWS_CS_DEFAULT);
    sws_setColorspaceDetails(scaler.get(), coefficients, 1, coefficients, 1, 0, 1 << 16, 1 << 16);
  }
  av::FramePtr scaled = av::makeFrame();
  scaled->format = AV_PIX_FMT_RGBA;
  scaled->width = scaledW;
  scaled->height = scaledH;
  if (av_frame_get_buffer(scaled.get(), 0) < 0) return Error{path, "out of memory"};
  sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, scaled->data, scaled->linesize);
  if (geometry.rotationDegrees == 0) return scaled;

  av::FramePtr upright = av::makeFrame();
  upright->format = AV_PIX_FMT_RGBA;
  upright->width = sideways ? scaledH : scaledW;
  upright->height = sideways ? scaledW : scaledH;
  if (av_frame_get_buffer(upright.get(), 0) < 0) return Error{path, "out of memory"};
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

}  // namespace etalase::media
