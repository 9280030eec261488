// Decodes a picture (JPEG, PNG, or the first frame of a video) to upright RGBA, scaled down to
// fit a box. Blocking; call off the UI thread for anything large.
#pragma once

#include <string>

#include "av_ptr.h"
#include "error.h"

namespace etalase::media {

// The frame is AV_PIX_FMT_RGBA, never larger than maxWidth x maxHeight, aspect kept.
Result<av::FramePtr> loadStillImage(const std::string& path, int maxWidth, int maxHeight);

// Where a poster is taken from: past the opening fade of most producer videos.
inline constexpr double kPosterAtSeconds = 1.0;
// A representative frame of a video for the product grid: from about kPosterAtSeconds in,
// passing over dark frames (fades, black leaders). Same format rules as loadStillImage.
Result<av::FramePtr> makePoster(const std::string& video, int maxWidth, int maxHeight);

}  // namespace etalase::media
