// Where a video picture goes on screen: letterboxed or pillarboxed into an area, never stretched,
// upright according to its rotation metadata. Pure geometry, no SDL calls.
#pragma once

#include <SDL_rect.h>

#include "media/media_file.h"

namespace etalase::platform {

struct VideoPlacement {
  // The rectangle to draw the unrotated picture into; rotating it by `angle` degrees clockwise
  // about its centre gives the picture as the viewer sees it, inside the area.
  SDL_Rect unrotated{0, 0, 0, 0};
  double angle = 0.0;
  // Size of the visible picture on screen (after rotation).
  int shownWidth = 0;
  int shownHeight = 0;
};

VideoPlacement placeVideo(const media::VideoGeometry& geometry, SDL_Rect area);

}  // namespace etalase::platform
