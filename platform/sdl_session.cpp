// SDL initialisation scope.
#include "sdl_session.h"

#include <SDL.h>

#include <atomic>
#include <csignal>

namespace etalase::platform {

namespace {

std::atomic<bool> g_terminationRequested{false};
struct sigaction g_sdlTerminate {};
struct sigaction g_sdlInterrupt {};

// Notes the signal, then hands it to SDL's own handler, which queues SDL_QUIT.
void noteTermination(int signal) {
  g_terminationRequested.store(true);
  const struct sigaction& sdl = signal == SIGTERM ? g_sdlTerminate : g_sdlInterrupt;
  if (sdl.sa_handler != SIG_DFL && sdl.sa_handler != SIG_IGN && sdl.sa_handler != nullptr) sdl.sa_handler(signal);
}

void watchTerminationSignals() {
  g_terminationRequested.store(false);
  struct sigaction ours {};
  ours.sa_handler = noteTermination;
  sigemptyset(&ours.sa_mask);
  sigaction(SIGTERM, &ours, &g_sdlTerminate);
  sigaction(SIGINT, &ours, &g_sdlInterrupt);
}

}  // namespace

bool SdlSession::terminationRequested() { return g_terminationRequested.load(); }

SdlSession::SdlSession() {
  // Touch is handled by our own pointer path; SDL's mouse copies of touches would double taps.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  // A kiosk must not blank its screen.
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
    m_error = std::string("cannot start SDL video: ") + SDL_GetError();
    return;
  }
  watchTerminationSignals();
}

SdlSession::~SdlSession() {
  if (ok()) {
    // SDL's handlers back in place, so that SDL_Quit restores the defaults.
    sigaction(SIGTERM, &g_sdlTerminate, nullptr);
    sigaction(SIGINT, &g_sdlInterrupt, nullptr);
  }
  SDL_Quit();
}

}  // namespace etalase::platform
