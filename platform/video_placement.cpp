// Letterbox geometry for video.
#include "video_placement.h"

#include <algorithm>
#include <cmath>

namespace etalase::platform {

VideoPlacement placeVideo(const media::VideoGeometry& geometry, SDL_Rect area) {
  VideoPlacement placement;
  const double width = geometry.displayWidth();
  const double height = geometry.displayHeight();
  if (width <= 0 || height <= 0 || area.w <= 0 || area.h <= 0) return placement;
  const double scale = std::min(area.w / width, area.h / height);
  // Even sizes keep chroma planes aligned when a scaler writes straight into the texture.
  placement.shownWidth = std::max(2, static_cast<int>(std::lround(width * scale / 2.0)) * 2);
  placement.shownHeight = std::max(2, static_cast<int>(std::lround(height * scale / 2.0)) * 2);
  placement.shownWidth = std::min(placement.shownWidth, area.w);
  placement.shownHeight = std::min(placement.shownHeight, area.h);
  const bool sideways = geometry.rotationDegrees % 180 != 0;
  const int w = sideways ? placement.shownHeight : placement.shownWidth;
  const int h = sideways ? placement.shownWidth : placement.shownHeight;
  const int centreX = area.x + area.w / 2;
  const int centreY = area.y + area.h / 2;
  placement.unrotated = SDL_Rect{centreX - w / 2, centreY - h / 2, w, h};
  placement.angle = geometry.rotationDegrees;
  return placement;
}

}  // namespace etalase::platform
