// Pictures that libav's SIMD code may write into and read from safely.
#pragma once

#include "media/av_ptr.h"

namespace etalase::av {

// swscale's vector code reads and writes whole vectors, past the last pixel of a row and, on
// the last row, past the end of the picture. Every buffer we hand it is therefore this wide
// and tall: rows padded to a multiple of this many pixels, plus this many spare rows.
constexpr int kRowPaddingPixels = 64;
constexpr int kSpareRows = 2;

constexpr int paddedWidth(int width) { return (width + kRowPaddingPixels - 1) / kRowPaddingPixels * kRowPaddingPixels; }

// A width x height picture in `format` whose planes have the padding above (and 64-byte aligned
// rows); null when out of memory. width and height are the picture's own, not the padded ones.
FramePtr makePaddedFrame(AVPixelFormat format, int width, int height);

}  // namespace etalase::av
