// What every screen may read while it draws. Screens draw with ImGui only: no I/O, no locks.
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

#include "kiosk/catalog/catalog.h"
#include "platform/ui_context.h"

namespace etalase::kiosk {

struct ScreenContext {
  const Catalog* catalog = nullptr;  // null when no pack could be loaded
  std::string language;
  const platform::UiFonts* fonts = nullptr;
  float unit = 24.0f;  // body text height in pixels
  float touchTarget = 34.0f;  // the smallest a button may be, in pixels (9 mm on the screen)
  SDL_Point screenSize{0, 0};
  // Poster picture per product, same order as catalog->products; null where there is none.
  const std::vector<SDL_Texture*>* productPosters = nullptr;
};

// 9 mm, the smallest target a finger hits reliably, in pixels of a screen of this diagonal.
float touchTargetPixels(SDL_Point outputSize, double diagonalInches);

// The full-screen ImGui window every screen draws into.
bool beginFullScreenWindow(const char* id, bool transparentBackground);
void endFullScreenWindow();

}  // namespace etalase::kiosk
