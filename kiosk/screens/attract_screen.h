// The attract loop's overlay: the videos play under it, full screen. A tap anywhere leaves it
// (handled by Navigation, not here).
#pragma once

#include "screen_context.h"

namespace etalase::kiosk {

// A discreet invitation along the bottom edge, over the video.
void drawAttractOverlay(const ScreenContext& context);
// Shown instead of video when there is nothing to play: never a black screen.
void drawTitleCard(const ScreenContext& context, const std::string& headline, const std::string& detail);

}  // namespace etalase::kiosk
