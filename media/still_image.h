// Decodes a picture (JPEG, PNG, or the first frame of a video) to upright RGBA, scaled down to
// fit a box. Blocking; call off the UI thread for anything large.
#pragma once

#include <string>

#include "av_ptr.h"
#include "error.h"

namespace etalase::media {

// The frame is AV_PIX_FMT_RGBA, never larger than maxWidth x maxHeight, aspect kept.
Result<av::FramePtr> loadStillImage(const std::string& path, int maxWidth, int maxHeight);

}  // namespace etalase::media
