// Pictures and a short video made in code with libav's encoders, for starter packs and tests:
// nothing to download, and the files are real (the kiosk and the checker decode them).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "media/error.h"

namespace etalase::pack {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};
// The colour of pixel (x, y); `t` is the time in seconds for videos (0 for pictures).
using Painter = std::function<Rgb(int x, int y, double t)>;

Result<bool> writePng(const std::filesystem::path& file, int width, int height, const Painter& paint);
Result<bool> writeJpeg(const std::filesystem::path& file, int width, int height, const Painter& paint);
// MPEG-4 part 2 in MP4 (always in libavcodec, unlike x264), no sound.
Result<bool> writeVideo(const std::filesystem::path& file, int width, int height, double seconds,
                        const Painter& paint);

}  // namespace etalase::pack
