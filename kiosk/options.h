// Command-line options of the etalase binary.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "media/hardware_decode.h"
#include "platform/display.h"

namespace etalase::kiosk {

struct KioskOptions {
  std::filesystem::path pack;       // empty: the installed pack, else the built-in demo pack
  std::vector<std::string> play;    // --play: these videos are the attract loop, no pack needed
  int loops = 0;                    // exit after this many passes of the playlist; 0 = forever
  platform::DisplayOptions display;
  double idleTimeoutSeconds = 60.0;  // a visitor who walked away
  bool mute = false;
  double volume = 1.0;
  std::string language;  // empty: the pack's default
  bool printStats = false;  // one JSON line of playback figures on stdout at exit
  media::HardwareDecode hardwareDecode = media::HardwareDecode::Auto;
  std::string staffPin;  // --staff-pin or $ETALASE_STAFF_PIN; empty: no installing from USB
  double screenInches = 15.6;  // diagonal: sizes touch targets to at least 9 mm
  double uiScale = 1.0;        // text and buttons, on top of what the screen size gives
  double crossfadeSeconds = 0.0;  // 0: a straight cut between clips (gapless either way)
  // The badge camera: "auto" (/dev/video0 when the board has it), "none", a V4L2 device, or a
  // video file standing in for a camera (tests, demos).
  std::string camera = "auto";
};

struct ParsedOptions {
  std::optional<KioskOptions> options;  // set when the kiosk should run
  int exitCode = 0;                     // otherwise exit with this (help: 0, bad usage: 2)
};

// Prints help or usage errors itself.
ParsedOptions parseOptions(int argc, const char* const* argv);

}  // namespace etalase::kiosk
