// The frame path, decode to screen, for every shape of video on every stand screen: each picture
// lands inside the buffers it was given (run under valgrind memcheck by ctest, which sees the
// writes swscale's assembly makes and AddressSanitizer cannot), and is really shown.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "media/clip_driver.h"
#include "media/clip_player.h"
#include "platform/display.h"
#include "platform/sdl_session.h"
#include "platform/video_texture.h"
#include "test_support.h"

namespace etalase::platform {
namespace {

struct Screen {
  const char* name;
  int width;
  int height;
};

// 640x360; the 7" board screen; 10" tablets; 720p and 768p stands; 1080p; a portrait stand.
constexpr Screen kScreens[] = {{"640x360", 640, 360},   {"800x480", 800, 480},   {"1024x600", 1024, 600},
                               {"1280x720", 1280, 720}, {"1366x768", 1366, 768}, {"1920x1080", 1920, 1080},
                               {"1080x1920", 1080, 1920}};

// Square VP9, portrait 10-bit AV1, QCIF MPEG-4, odd widths and heights, a rotated phone clip,
// non-square pixels, and a portrait clip that a portrait stand shows at its own size.
const std::vector<std::string> kClips = {"square_642.webm",        "portrait_720x1280_10bit.mkv",
                                         "qcif_176x144.mp4",       "odd_333x187.webm",
                                         "odd_size_321x241.webm",  "rotated_phone_406x720.mp4",
                                         "nonsquare_352x288.mp4",  "anamorphic.mp4",
                                         "portrait_1080x1920.mp4"};

constexpr int kPicturesPerClip = 3;

enum class Path { SoftwareRgb, GpuYuv };

// testsrc2 is colourful everywhere: a picture shown leaves almost no black pixel in its place.
double litShare(const std::vector<uint32_t>& pixels, int screenWidth, SDL_Rect area) {
  long lit = 0, total = 0;
  for (int y = area.y + 2; y < area.y + area.h - 2; y += 3) {
    for (int x = area.x + 2; x < area.x + area.w - 2; x += 3) {
      ++total;
      if ((pixels[static_cast<std::size_t>(y) * screenWidth + x] & 0xFFFFFF) != 0) ++lit;
    }
  }
  return total ? static_cast<double>(lit) / static_cast<double>(total) : 0.0;
}

class FramePath : public ::testing::TestWithParam<std::string> {
 protected:
  SdlSession m_sdl;
};

// Plays the first pictures of the clip on each screen, through the software renderer's RGB
// texture and through the YUV textures a GPU renderer takes.
TEST_P(FramePath, EveryScreenShowsThePictureInsideItsBuffers) {
  ASSERT_TRUE(m_sdl.ok()) << m_sdl.error();
  const std::string clipName = GetParam();
  for (const Screen& screen : kScreens) {
    auto display = Display::open({screen.width, screen.height, false, RendererChoice::Software, "frame path"});
    ASSERT_TRUE(display) << display.error().text();
    for (Path path : {Path::SoftwareRgb, Path::GpuYuv}) {
      SCOPED_TRACE(clipName + " on " + screen.name + (path == Path::SoftwareRgb ? " (software)" : " (YUV)"));
      media::ClipOptions options;
      options.decodeAudio = false;
      options.decoderThreads = 1;
      auto clip = media::ClipPlayer::open(test::testMedia(clipName).string(), options);
      ASSERT_TRUE(clip) << clip.error().text();
      VideoTexture texture(display.value().renderer(), path == Path::SoftwareRgb);
      const SDL_Rect area{0, 0, screen.width, screen.height};
      int shown = 0;
      test::playToEnd(*clip.value(), media::SteadyTime{}, 1.0 / 30, 10.0, [&](double, const AVFrame* frame) {
        if (shown >= kPicturesPerClip) return;
        ASSERT_TRUE(texture.update(frame, clip.value()->info().geometry, area));
        SDL_RenderClear(display.value().renderer());
        texture.draw();
        SDL_RenderPresent(display.value().renderer());
        ++shown;
      });
      EXPECT_GE(shown, kPicturesPerClip);
      // The picture fills its place on screen, bars aside.
      const VideoPlacement placement = placeVideo(clip.value()->info().geometry, area);
      const SDL_Rect visible{(screen.width - placement.shownWidth) / 2, (screen.height - placement.shownHeight) / 2,
                             placement.shownWidth, placement.shownHeight};
      SDL_RenderClear(display.value().renderer());
      texture.draw();
      EXPECT_GT(litShare(display.value().readPixels(), screen.width, visible), 0.9);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Matrix, FramePath, ::testing::ValuesIn(kClips), [](const auto& info) {
  std::string name = info.param.substr(0, info.param.find('.'));
  for (char& c : name) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
});

}  // namespace
}  // namespace etalase::platform
