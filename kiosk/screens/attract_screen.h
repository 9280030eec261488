// The attract loop's overlay: the videos play under it, full screen. A tap anywhere leaves it
// (handled by Navigation, not here).
#pragma once

#include "screen_context.h"

namespace etalase::kiosk {

// The dark band along the bottom edge that carries the invitation. The app fills it with a
// plain SDL rectangle: on a software renderer that is a fast blended fill, while the same band
// through ImGui's triangles cost a quarter of all the CPU the attract loop used.
SDL_Rect attractBand(const ScreenContext& context);
// The invitation to touch, over the video, inside attractBand().
void drawAttractOverlay(const ScreenContext& context);
// Shown instead of video when there is nothing to play: never a black screen.
void drawTitleCard(const ScreenContext& context, const std::string& headline, const std::string& detail);
// The title card when no content pack could be loaded: what staff should do.
void drawNoPackCard(const ScreenContext& context);

}  // namespace etalase::kiosk
