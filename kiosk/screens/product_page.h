// A product's page while it is open: owns what it shows, namely the product's photos, its
// producer's contact code, and its videos playing in the place the page leaves for them.
// screens/product_screen draws the page. UI thread only.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <vector>

#include "kiosk/catalog/catalog.h"
#include "kiosk/media_output.h"
#include "kiosk/screens/contact_code.h"
#include "kiosk/screens/product_screen.h"
#include "media/error.h"
#include "media/playlist.h"
#include "platform/sdl_ptr.h"
#include "platform/video_texture.h"

namespace etalase::kiosk {

class ProductPage {
 public:
  using Clock = std::chrono::steady_clock;

  // `output` must outlive the page.
  explicit ProductPage(MediaOutput& output);

  // Shows catalog.products[index] (`poster` until its video's first frame); its videos play,
  // heard, from now on. The same product again keeps the picture the visitor chose.
  void open(const Catalog& catalog, std::size_t index, SDL_Texture* poster);
  // Frees the photos and the videos (the sound goes back to what played before).
  void close();
  // close(), and the next product opened starts at its first picture (a new pack).
  void reset();
  std::size_t product() const { return m_state.product; }

  // Takes the video frame due by `now`. True when there is a new picture to present.
  bool step(Clock::time_point now);
  // When step() has a frame to take next; max() when no video plays.
  Clock::time_point nextDue() const;
  // The page. The video holds still (and is silent) behind a photo or `dialogOpen`.
  ProductAction draw(const ScreenContext& context, bool dialogOpen, Clock::time_point now);
  // After the UI: the video over the page, in the place draw() left for it.
  void drawVideo() const;

  // How many video frames have been put on screen so far, on every product page.
  long framesShown() const { return m_framesShown; }
  // Videos that could not be played since the last call.
  std::vector<Error> takeErrors();

 private:
  MediaOutput& m_output;
  ProductState m_state;
  ProductMedia m_media;
  std::vector<platform::TexturePtr> m_photoTextures;
  ContactCode m_contact;
  std::unique_ptr<media::Playlist> m_playlist;  // the product's videos, while the page is open
  platform::VideoTexture m_video;
  SDL_Rect m_videoArea{0, 0, 0, 0};
  bool m_videoDrawn = false;  // drawVideo() draws it this frame
  Clock::time_point m_videoDue{};
  long m_framesShown = 0;
  std::vector<Error> m_errors;  // from a playlist that has gone
};

}  // namespace etalase::kiosk
