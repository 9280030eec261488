// etalase: the kiosk binary.
extern "C" {
#include <libavutil/log.h>
}

#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "kiosk/app.h"
#include "kiosk/options.h"
#include "media/log.h"
#include "platform/sdl_session.h"

int main(int argc, char** argv) {
  using namespace etalase;
#ifdef __GLIBC__
  // Frames are megabytes each and come and go on the decoder threads. With a malloc arena per
  // thread, freed frames stay resident in every arena: one arena keeps peak memory ~23 MB lower
  // at 1080p (measured with tools/playback-benchmark), and the threads rarely allocate at once.
  mallopt(M_ARENA_MAX, 1);
#endif
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
