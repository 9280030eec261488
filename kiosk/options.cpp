// Command-line parsing with CLI11.
#include "options.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

namespace etalase::kiosk {

namespace {

bool parseWindowSize(const std::string& text, int& width, int& height) {
  int w = 0, h = 0;
  char x = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X')) return false;
  if (w < 160 || h < 120 || w > 16384 || h > 16384) return false;
  width = w;
  height = h;
  return true;
}

}  // namespace

ParsedOptions parseOptions(int argc, const char* const* argv) {
  KioskOptions options;
  CLI::App app{"Etalase: a touch-screen kiosk for exhibition stands.\n"
               "Plays the producers' videos, shows their products to visiting buyers.",
               "etalase"};
  std::string window;
  std::string renderer = "auto";
  std::string hwdec = "auto";
  app.add_option("--pack", options.pack, "Content pack folder (default: the installed pack, else the demo pack)");
  app.add_option("--play", options.play, "Play these video files or folders as the attract loop, no pack needed")
      ->expected(1, -1);
  app.add_option("--loops", options.loops, "Exit after N passes of the playlist (0: loop forever)")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--fullscreen", options.display.fullscreen, "Fill the screen (for a stand)");
  app.add_option("--window", window, "Window size WIDTHxHEIGHT (default 1280x720)");
  app.add_option("--renderer", renderer, "auto, software or accelerated")
      ->check(CLI::IsMember({"auto", "software", "accelerated"}));
  app.add_option("--hwdec", hwdec, "Video decoding: auto (hardware when the board has it), off, vaapi, drm or v4l2m2m")
      ->check(CLI::IsMember({"auto", "off", "vaapi", "drm", "v4l2m2m"}));
  app.add_option("--idle-timeout", options.idleTimeoutSeconds,
                 "Seconds without a touch before returning to the videos (default 60)")
      ->check(CLI::Range(1.0, 86400.0));
  app.add_flag("--mute", options.mute, "No sound");
  app.add_option("--volume", options.volume, "Sound volume from 0 to 1")->check(CLI::Range(0.0, 1.0));
  app.add_option("--crossfade", options.crossfadeSeconds,
                 "Dissolve from one video into the next over this many seconds (default 0: a straight cut)")
      ->check(CLI::Range(0.0, 3.0));
  app.add_option("--staff-pin", options.staffPin,
                 "The staff PIN to set at the first start, while none is set (or set ETALASE_STAFF_PIN); only its hash is kept")
      ->envname("ETALASE_STAFF_PIN")
      ->check([](const std::string& pin) {
        const bool digits = pin.size() >= 4 && pin.size() <= 12 &&
                            pin.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string() : std::string("a PIN is 4 to 12 digits");
      });
  app.add_option("--screen-inches", options.screenInches,
                 "Screen diagonal in inches, so buttons are at least 9 mm (default 15.6)")
      ->check(CLI::Range(3.0, 120.0));
  app.add_option("--rotate", options.display.rotation,
                 "Turn the picture 0, 90, 180 or 270 degrees clockwise (a panel mounted upright: 90 or 270); touch turns with it")
      ->check(CLI::IsMember({0, 90, 180, 270}));
  app.add_option("--ui-scale", options.uiScale,
                 "Make text and buttons bigger or smaller than the screen's size suggests (default 1)")
      ->check(CLI::Range(0.5, 3.0));
  app.add_option("--language", options.language, "Starting language code (en, id, ...)");
  app.add_option("--camera", options.camera,
                 "Badge camera: auto (/dev/video0 when present), none, a V4L2 device, or a video file in its place");
  app.add_flag("--stats", options.printStats, "Print playback figures as JSON on exit (for benchmarks)");
  app.set_version_flag("--version", "etalase 0.1.0");

  try {
    app.parse(argc, argv);
    if (!window.empty() && !parseWindowSize(window, options.display.width, options.display.height)) {
      throw CLI::ValidationError("--window", "expected WIDTHxHEIGHT, e.g. 1280x720, got " + window);
    }
  } catch (const CLI::Success& e) {  // --help, --version
    return {std::nullopt, app.exit(e)};
  } catch (const CLI::ParseError& e) {
    std::cerr << "etalase: " << e.what() << "\n\n" << app.help();
    return {std::nullopt, 2};
  }
  options.display.renderer = renderer == "software"      ? platform::RendererChoice::Software
                             : renderer == "accelerated" ? platform::RendererChoice::Accelerated
                                                         : platform::RendererChoice::Auto;
  options.hardwareDecode = media::parseHardwareDecode(hwdec).value();
  return {std::move(options), 0};
}

}  // namespace etalase::kiosk
