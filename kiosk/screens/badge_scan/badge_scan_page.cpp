// The badge scan screen: the camera's picture, mirrored, with a frame to aim the badge at.
#include "kiosk/screens/badge_scan/badge_scan_page.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/leads/card_parser.h"
#include "kiosk/screens/contact/form_text.h"
#include "media/log.h"

namespace etalase::kiosk {

namespace {
// How long "this code is not a contact card" stays up after the code was last read.
constexpr auto kRefusalShown = std::chrono::seconds(6);
// The camera's pictures come at up to 30 a second; the screen looks for them this often.
constexpr auto kPictureInterval = std::chrono::milliseconds(33);
constexpr ImU32 kProblemColour = IM_COL32(255, 160, 130, 255);
}  // namespace

void BadgeScanPage::open(const std::string& camera) {
  close();
  m_reader = std::make_unique<BadgeReader>(camera);
}

void BadgeScanPage::close() {
  m_reader.reset();
  m_picture.reset();
  m_pictureWidth = m_pictureHeight = 0;
  m_card.reset();
  m_refusedAt.reset();
}

bool BadgeScanPage::step(SDL_Renderer* renderer, Clock::time_point now) {
  if (!m_reader) return false;
  bool changed = false;
  if (auto picture = m_reader->camera().takePicture()) {
    if (!m_picture || picture->width != m_pictureWidth || picture->height != m_pictureHeight) {
      // RGBA bytes are SDL's ABGR8888 on little-endian machines.
      m_picture.reset(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STREAMING,
                                        picture->width, picture->height));
      m_pictureWidth = picture->width;
      m_pictureHeight = picture->height;
      if (!m_picture) log::warn("camera: cannot make a {}x{} texture: {}", picture->width, picture->height, SDL_GetError());
    }
    if (m_picture) SDL_UpdateTexture(m_picture.get(), nullptr, picture->rgba.data(), picture->width * 4);
    changed = true;
  }
  if (auto code = m_reader->takeCode()) {
    // What a badge holds is personal: the log says only what kind of code it was.
    if (parseCard(*code).ok()) {
      log::info("camera: a contact card was read");
      m_card = std::move(*code);
    } else {
      log::info("camera: a code that is not a contact card was read");
      m_refusedAt = now;
    }
    changed = true;
  }
  if (m_refusedAt && now - *m_refusedAt > kRefusalShown) {
    m_refusedAt.reset();
    changed = true;
  }
  return changed;
}

BadgeScanPage::Clock::time_point BadgeScanPage::nextDue(Clock::time_point now) const {
  return m_reader ? now + kPictureInterval : Clock::time_point::max();
}

BadgeScanAction BadgeScanPage::draw(const ScreenContext& context, Clock::time_point) {
  BadgeScanAction action;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, kBackground);
  const bool shown = beginFullScreenWindow("badge scan", false);
  ImGui::PopStyleColor();
  if (!shown) {
    endFullScreenWindow();
    return action;
  }
  const std::string& language = context.language;
  action.header = drawHeader(context, formText(FormString::ScanBadge, language), false);

  const auto state = m_reader ? m_reader->camera().state() : media::CameraSource::State::Failed;
  const char* line = state == media::CameraSource::State::Failed ? formText(FormString::CameraUnavailable, language)
                     : !m_picture                                ? formText(FormString::CameraStarting, language)
                                                                 : formText(FormString::HoldBadgeUp, language);
  ImGui::PushFont(context.fonts->title);
  ImGui::TextWrapped("%s", line);
  ImGui::PopFont();
  if (m_refusedAt) {
    ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
    ImGui::TextWrapped("%s", formText(FormString::ScanNotACard, language));
    ImGui::PopStyleColor();
  }

  // The picture fills what is left above the button, mirrored: a visitor moves the badge the way
  // they would in a mirror, which is how people aim at a camera that faces them.
  const float footer = context.touchTarget + context.unit * 1.5f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 room(ImGui::GetContentRegionAvail().x, std::max(context.unit * 4, ImGui::GetContentRegionAvail().y - footer));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (m_picture && state != media::CameraSource::State::Failed) {
    const float aspect = static_cast<float>(m_pictureWidth) / static_cast<float>(m_pictureHeight);
    ImVec2 size(room.x, room.x / aspect);
    if (size.y > room.y) size = ImVec2(room.y * aspect, room.y);
    const ImVec2 at(origin.x + (room.x - size.x) / 2, origin.y + (room.y - size.y) / 2);
    const ImVec2 end(at.x + size.x, at.y + size.y);
    draw->AddImage(m_picture.get(), at, end, ImVec2(1, 0), ImVec2(0, 1));
    // A square to aim at, in the middle, where the code reads best.
    const float side = std::min(size.x, size.y) * 0.7f;
    const ImVec2 centre((at.x + end.x) / 2, (at.y + end.y) / 2);
    draw->AddRect(ImVec2(centre.x - side / 2, centre.y - side / 2), ImVec2(centre.x + side / 2, centre.y + side / 2),
                  IM_COL32(196, 120, 41, 255), context.unit * 0.3f, 0, context.unit * 0.2f);
    rememberControl("scan.picture", at, end);
  } else {
    draw->AddRectFilled(origin, ImVec2(origin.x + room.x, origin.y + room.y), IM_COL32(30, 24, 20, 255), context.unit * 0.3f);
  }
  ImGui::Dummy(room);
  ImGui::Spacing();
  action.typeInstead = touchButton(context, formText(FormString::TypeInstead, language), kAccent, context.unit * 10);
  rememberLastItem("scan.type");
  endFullScreenWindow();
  return action;
}

}  // namespace etalase::kiosk
