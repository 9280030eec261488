// SDL_Init/SDL_Quit as a scope. Create one on the main thread before any other SDL object.
#pragma once

#include <string>

#include "media/error.h"

namespace etalase::platform {

class SdlSession {
 public:
  SdlSession();
  ~SdlSession();
  SdlSession(const SdlSession&) = delete;
  SdlSession& operator=(const SdlSession&) = delete;
  bool ok() const { return m_error.empty(); }
  const std::string& error() const { return m_error; }

  // Whether SIGTERM or SIGINT arrived (systemd stopping the service, Ctrl+C in a terminal). SDL
  // turns those and a window manager's close (Alt+F4) alike into SDL_QUIT; a locked kiosk obeys
  // only the first kind.
  static bool terminationRequested();

 private:
  std::string m_error;
};

}  // namespace etalase::platform
