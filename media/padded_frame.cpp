#include "media/padded_frame.h"

namespace etalase::av {

FramePtr makePaddedFrame(AVPixelFormat format, int width, int height) {
  FramePtr frame = makeFrame();
  if (!frame || width <= 0 || height <= 0) return nullptr;
  frame->format = format;
  // Allocated at the padded size, then told its real size: the planes keep their padded
  // strides and spare rows, and everything that reads width/height sees the real picture.
  frame->width = paddedWidth(width);
  frame->height = height + kSpareRows;
  if (av_frame_get_buffer(frame.get(), kRowPaddingPixels) < 0) return nullptr;
  frame->width = width;
  frame->height = height;
  return frame;
}

}  // namespace etalase::av
