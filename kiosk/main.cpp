// etalase: the kiosk binary.
extern "C" {
#include <libavutil/log.h>
}

#include <cstdio>

#include "kiosk/app.h"
#include "kiosk/options.h"
#include "media/log.h"
#include "platform/sdl_session.h"

int main(int argc, char** argv) {
  using namespace etalase;
  auto parsed = kiosk::parseOptions(argc, argv);
  // libav's own chatter (warnings per frame) would drown the kiosk's log; its errors stay.
  av_log_set_level(AV_LOG_ERROR);
  if (!parsed.options) return parsed.exitCode;
  platform::SdlSession sdl;
  if (!sdl.ok()) {
    log::error("{}", sdl.error());
    return 3;
  }
  auto app = kiosk::App::create(*parsed.options);
  if (!app) {
    log::error("{}", app.error().text());
    return 3;
  }
  const int exitCode = app.value()->run();
  if (parsed.options->printStats) std::printf("%s\n", app.value()->statsJson().c_str());
  return exitCode;
}
