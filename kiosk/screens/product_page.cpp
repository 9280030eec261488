// The open product page's media.
#include "product_page.h"

#include <filesystem>
#include <string>
#include <utility>

#include "media/log.h"
#include "media/still_image.h"

namespace etalase::kiosk {

namespace {
// Product photos are shown at most about half a 1080p screen wide.
constexpr int kPhotoMaxWidth = 1280;
constexpr int kPhotoMaxHeight = 960;
}  // namespace

ProductPage::ProductPage(MediaOutput& output) : m_output(output), m_video(output.videoTexture()) {}

void ProductPage::open(const Catalog& catalog, std::size_t index, SDL_Texture* poster) {
  close();
  const Product& product = catalog.products[index];
  if (m_state.product != index) m_state = ProductState{index, 0};
  m_media = ProductMedia{};
  m_media.poster = poster;
  m_media.hasVideo = !product.videos.empty();
  for (const std::filesystem::path& photo : product.photos) {
    platform::TexturePtr texture =
        m_output.texture(media::loadStillImage(photo.string(), kPhotoMaxWidth, kPhotoMaxHeight));
    m_media.photos.push_back(texture.get());
    m_photoTextures.push_back(std::move(texture));
  }
  if (const Producer* producer = catalog.producer(product.producerId)) {
    m_contact = contactCode(*producer);
    m_media.contact = m_contact.link;
    m_media.contactQr = m_contact.qrCode();
  }
  if (m_media.hasVideo) {
    std::vector<std::string> videos;
    for (const std::filesystem::path& video : product.videos) videos.push_back(video.string());
    m_playlist = m_output.startPlaylist(std::move(videos));
  }
  log::info("product page: {}", product.id);
}

void ProductPage::close() {
  if (m_playlist) {
    m_output.release(m_playlist.get());  // before the playlist it pulls from goes
    for (Error& error : m_playlist->takeErrors()) m_errors.push_back(std::move(error));
    m_playlist.reset();
  }
  m_video.clear();
  m_videoArea = SDL_Rect{0, 0, 0, 0};
  m_videoDrawn = false;
  m_media.photos.clear();
  m_photoTextures.clear();
}

void ProductPage::reset() {
  close();
  m_state = ProductState{};
}

bool ProductPage::step(Clock::time_point now) {
  if (!m_playlist) return false;
  const auto tick = m_playlist->tick(now);
  m_videoDue = tick.nextDue;
  if (!tick.newFrame || m_videoArea.w <= 0 || m_videoArea.h <= 0 ||
      !m_video.update(tick.newFrame, tick.geometry, m_videoArea)) {
    return false;
  }
  ++m_framesShown;
  return true;
}

ProductPage::Clock::time_point ProductPage::nextDue() const { return m_playlist ? m_videoDue : Clock::time_point::max(); }

ProductAction ProductPage::draw(const ScreenContext& context, bool dialogOpen, Clock::time_point now) {
  m_media.videoShowing = m_video.hasFrame() && m_videoArea.w > 0;
  const ProductAction action = drawProduct(context, m_state, m_media);
  const SDL_Rect& area = action.videoArea;
  const bool areaMoved =
      area.x != m_videoArea.x || area.y != m_videoArea.y || area.w != m_videoArea.w || area.h != m_videoArea.h;
  m_videoArea = area;
  if (areaMoved) m_video.clear();  // placed for the old area; the next frame comes soon
  m_videoDrawn = m_videoArea.w > 0 && m_video.hasFrame() && !dialogOpen;
  // Nothing plays (or is heard) behind a photo.
  const bool paused = m_videoArea.w == 0 || dialogOpen;
  if (m_playlist && m_playlist->paused() != paused) m_playlist->setPaused(paused, now);
  return action;
}

void ProductPage::drawVideo() const {
  if (m_videoDrawn) m_video.draw();
}

std::vector<Error> ProductPage::takeErrors() {
  std::vector<Error> errors = std::exchange(m_errors, {});
  if (m_playlist) {
    for (Error& error : m_playlist->takeErrors()) errors.push_back(std::move(error));
  }
  return errors;
}

}  // namespace etalase::kiosk
