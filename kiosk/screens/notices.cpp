// Notices over the screens.
#include "notices.h"

#include <imgui.h>

#include <cfloat>

namespace etalase::kiosk {

namespace {
// Long enough to read, short enough not to stay on a visitor's screen all day.
constexpr auto kNoticeDuration = std::chrono::seconds(20);
constexpr std::size_t kMaxNotices = 4;
}  // namespace

void Notices::add(const std::string& text, Clock::time_point now) {
  m_notices.push_back({text, now + kNoticeDuration});
  while (m_notices.size() > kMaxNotices) m_notices.pop_front();
}

bool Notices::expire(Clock::time_point now) {
  bool expired = false;
  while (!m_notices.empty() && m_notices.front().until <= now) {
    m_notices.pop_front();
    expired = true;
  }
  return expired;
}

Notices::Clock::time_point Notices::nextExpiry() const {
  return m_notices.empty() ? Clock::time_point::max() : m_notices.front().until;
}

void Notices::draw(const ScreenContext& context, bool right) const {
  if (m_notices.empty()) return;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  ImFont* font = context.fonts->small;
  const float pad = context.unit * 0.4f;
  const float width = static_cast<float>(context.screenSize.x);
  const float wrap = width * (right ? 0.4f : 0.6f);
  float y = pad;
  for (const Notice& notice : m_notices) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, notice.text.c_str());
    const float x = right ? width - size.x - pad * 3 : pad;
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + pad * 2 + size.x, y + size.y + pad * 2), IM_COL32(120, 20, 20, 220),
                        pad);
    draw->AddText(font, font->FontSize, ImVec2(x + pad, y + pad), IM_COL32(255, 255, 255, 255),
                  notice.text.c_str(), nullptr, wrap);
    y += size.y + pad * 3;
  }
}

}  // namespace etalase::kiosk
