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

 private:
  std::string m_error;
};

}  // namespace etalase::platform
