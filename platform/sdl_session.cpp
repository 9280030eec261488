// SDL initialisation scope.
#include "sdl_session.h"

#include <SDL.h>

namespace etalase::platform {

SdlSession::SdlSession() {
  // Touch is handled by our own pointer path; SDL's mouse copies of touches would double taps.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  // A kiosk must not blank its screen.
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
    m_error = std::string("cannot start SDL video: ") + SDL_GetError();
  }
}

SdlSession::~SdlSession() { SDL_Quit(); }

}  // namespace etalase::platform
