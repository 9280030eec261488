// Small pixel-format facts shared by every swscale user.
#pragma once

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixfmt.h>
}

namespace etalase::media {

// The deprecated "J" (full-range JPEG) formats as their plain equivalents: swscale wants the
// plain format plus the range flag, and warns on every frame otherwise.
inline AVPixelFormat withoutJpegRange(int format) {
  switch (format) {
    case AV_PIX_FMT_YUVJ420P: return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P: return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P: return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P: return AV_PIX_FMT_YUV440P;
    default: return static_cast<AVPixelFormat>(format);
  }
}

inline bool isJpegRange(int format) { return withoutJpegRange(format) != static_cast<AVPixelFormat>(format); }

// Full-range (0-255) luma, by the frame's flag or its deprecated "J" format.
inline bool isFullRange(const AVFrame* frame) {
  return frame->color_range == AVCOL_RANGE_JPEG || isJpegRange(frame->format);
}

}  // namespace etalase::media
