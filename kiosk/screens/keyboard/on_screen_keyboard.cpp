// The keyboard's drawing and touch handling.
#include "on_screen_keyboard.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

namespace {

constexpr ImU32 kBoardColour = IM_COL32(22, 17, 15, 250);
constexpr ImU32 kSpecialKeyColour = IM_COL32(70, 55, 46, 255);

struct Metrics {
  float gap;        // between keys, and around the board
  float keyHeight;  // at least the touch target
  float slot;       // one key unit across, gap included
};

Metrics metrics(const KeyboardStyle& style, float width) {
  const float gap = std::max(4.0f, style.unit * 0.25f);
  const float keyHeight = std::max(style.touchTarget, style.unit * 2.0f);
  // Across the whole width on a small screen; on a big one, no wider than a hand can span.
  const float slot = std::min((width - gap) / KeyboardModel::kMaxRowUnits, keyHeight * 1.6f);
  return {gap, keyHeight, slot};
}

ImVec2 centre(ImVec2 min, ImVec2 max) { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }

bool contains(ImVec2 min, ImVec2 max, ImVec2 point) {
  return point.x >= min.x && point.x < max.x && point.y >= min.y && point.y < max.y;
}

// Drawn, not glyphs: the fonts load Latin and a few symbol ranges only, and icons need no words.
void drawIcon(ImDrawList* draw, const Key& key, const KeyboardModel& model, ImVec2 c, float s, float line) {
  const ImU32 ink = kTextColour;
  const auto at = [&](float dx, float dy) { return ImVec2(c.x + dx * s, c.y + dy * s); };
  switch (key.kind) {
    case KeyKind::Shift: {
      const ImVec2 arrow[] = {at(0, -0.5f),    at(0.5f, 0),     at(0.22f, 0),    at(0.22f, 0.4f),
                              at(-0.22f, 0.4f), at(-0.22f, 0), at(-0.5f, 0)};
      if (model.shift() == ShiftState::Off) {
        draw->AddPolyline(arrow, 7, ink, ImDrawFlags_Closed, line);
      } else {  // the arrow is not convex: head and stem apart
        draw->AddTriangleFilled(arrow[0], arrow[1], arrow[6], ink);
        draw->AddRectFilled(arrow[5], arrow[3], ink);
      }
      if (model.shift() == ShiftState::Locked) draw->AddRectFilled(at(-0.4f, 0.55f), at(0.4f, 0.55f + 0.12f), ink);
      break;
    }
    case KeyKind::Backspace: {
      const ImVec2 outline[] = {at(-0.6f, 0), at(-0.25f, -0.4f), at(0.6f, -0.4f), at(0.6f, 0.4f), at(-0.25f, 0.4f)};
      draw->AddPolyline(outline, 5, ink, ImDrawFlags_Closed, line);
      draw->AddLine(at(0.0f, -0.17f), at(0.34f, 0.17f), ink, line);
      draw->AddLine(at(0.0f, 0.17f), at(0.34f, -0.17f), ink, line);
      break;
    }
    case KeyKind::Enter:
      if (model.enterKey() == EnterKey::Next) {  // an arrow on to the next field
        draw->AddLine(at(-0.5f, 0), at(0.5f, 0), ink, line);
        const ImVec2 head[] = {at(0.2f, -0.3f), at(0.5f, 0), at(0.2f, 0.3f)};
        draw->AddPolyline(head, 3, ink, 0, line);
      } else {  // a tick: finished
        const ImVec2 tick[] = {at(-0.45f, 0), at(-0.1f, 0.35f), at(0.5f, -0.35f)};
        draw->AddPolyline(tick, 3, ink, 0, line);
      }
      break;
    case KeyKind::Hide: {  // a chevron down: the keyboard goes down
      const ImVec2 chevron[] = {at(-0.4f, -0.15f), at(0, 0.25f), at(0.4f, -0.15f)};
      draw->AddPolyline(chevron, 3, ink, 0, line);
      break;
    }
    case KeyKind::Space: {
      const ImVec2 bracket[] = {at(-1.0f, 0), at(-1.0f, 0.3f), at(1.0f, 0.3f), at(1.0f, 0)};
      draw->AddPolyline(bracket, 4, kSubtleTextColour, 0, line);
      break;
    }
    case KeyKind::Text:
    case KeyKind::Page:
      break;
  }
}

// A label centred in [min, max], in the small font when the body one does not fit.
void drawLabel(ImDrawList* draw, const KeyboardStyle& style, const std::string& text, ImVec2 min, ImVec2 max) {
  ImFont* font = style.font ? style.font : ImGui::GetFont();
  ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
  if (size.x > (max.x - min.x) - style.unit * 0.4f && style.smallFont) {
    font = style.smallFont;
    size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
  }
  const ImVec2 c = centre(min, max);
  draw->AddText(font, font->FontSize, ImVec2(std::floor(c.x - size.x / 2), std::floor(c.y - size.y / 2)), kTextColour,
                text.c_str());
}

}  // namespace

KeyboardStyle keyboardStyle(const ScreenContext& context) {
  KeyboardStyle style;
  style.unit = context.unit;
  style.touchTarget = context.touchTarget;
  if (context.fonts) {
    style.font = context.fonts->body;
    style.smallFont = context.fonts->small;
  }
  return style;
}

float OnScreenKeyboard::height(const KeyboardModel& model, const KeyboardStyle& style, float width) {
  const Metrics m = metrics(style, width);
  const auto rows = static_cast<float>(model.rows().size());
  return rows * m.keyHeight + (rows + 1) * m.gap;
}

std::vector<OnScreenKeyboard::Placed> OnScreenKeyboard::place(const KeyboardModel& model, const KeyboardStyle& style,
                                                              ImVec2 origin, float width) const {
  const Metrics m = metrics(style, width);
  std::vector<Placed> placed;
  float y = origin.y + m.gap;
  for (const KeyRow& row : model.rows()) {
    float x = origin.x + (width - KeyboardModel::rowUnits(row) * m.slot) / 2;  // short rows centred
    for (const Key& key : row) {
      const float right = x + key.width * m.slot;
      placed.push_back({&key, ImVec2(x + m.gap / 2, y), ImVec2(right - m.gap / 2, y + m.keyHeight),
                        ImVec2(x, y - m.gap / 2), ImVec2(right, y + m.keyHeight + m.gap / 2)});
      x = right;
    }
    if (!row.empty()) {  // a finger beside a short row still hits its end key
      placed[placed.size() - row.size()].slotMin.x = origin.x;
      placed.back().slotMax.x = origin.x + width;
    }
    y += m.keyHeight + m.gap;
  }
  return placed;
}

const OnScreenKeyboard::Placed* OnScreenKeyboard::keyAt(ImVec2 point) const {
  for (const Placed& p : m_placed) {
    if (contains(p.slotMin, p.slotMax, point)) return &p;
  }
  return nullptr;
}

std::optional<std::size_t> OnScreenKeyboard::choiceAt(ImVec2 point) const {
  if (m_choices.empty()) return std::nullopt;
  // Anywhere from a row above the accents down to just below the held key picks by column;
  // further away lets the visitor cancel.
  const float top = m_choicesMin.y - m_keyHeight;
  const float bottom = m_choicesMin.y + m_keyHeight * 2.5f + m_gap;
  if (point.y < top || point.y > bottom) return std::nullopt;
  const float column = std::floor((point.x - m_choicesMin.x) / m_slot);
  return static_cast<std::size_t>(std::clamp(column, 0.0f, static_cast<float>(m_choices.size() - 1)));
}

void OnScreenKeyboard::follow(KeyboardModel& model, ImVec2 point, Clock::time_point now) {
  if (!m_choices.empty()) {
    m_hoveredChoice = choiceAt(point);
    return;
  }
  const Placed* under = keyAt(point);
  const std::string id = under ? under->key->id : std::string();
  if (id != m_held) {  // slid onto another key: its own long-press wait starts
    m_held = id;
    m_heldSince = now;
    m_longPressAsked = false;
  }
  if (!under || m_longPressAsked || now - m_heldSince < kLongPress) return;
  m_longPressAsked = true;
  m_choices = model.longPress(m_held);
  if (m_choices.empty()) return;  // no accents: it stays a tap
  const float rowWidth = static_cast<float>(m_choices.size()) * m_slot;
  const float left = centre(under->min, under->max).x - rowWidth / 2;
  const float margin = m_gap / 2;  // the row's frame stays on the screen
  m_choicesMin = ImVec2(std::max(m_boardMin.x + margin, std::min(left, m_boardMax.x - rowWidth - margin)),
                        under->min.y - m_gap - m_keyHeight);
  m_hoveredChoice = choiceAt(point);
}

KeyboardAction OnScreenKeyboard::lift(KeyboardModel& model, ImVec2 point, Clock::time_point now) {
  KeyboardAction action = KeyboardAction::None;
  if (!m_choices.empty()) {
    if (const auto choice = choiceAt(point)) action = model.choose(m_choices[*choice]);
  } else if (const Placed* under = keyAt(point)) {
    action = model.press(under->key->id, now);
  }
  reset();
  return action;
}

KeyboardAction OnScreenKeyboard::draw(KeyboardModel& model, const KeyboardStyle& style, ImVec2 origin, float width,
                                      Clock::time_point now) {
  const Metrics m = metrics(style, width);
  m_slot = m.slot;
  m_keyHeight = m.keyHeight;
  m_gap = m.gap;
  const ImVec2 size(width, height(model, style, width));
  m_boardMin = origin;
  m_boardMax = ImVec2(origin.x + size.x, origin.y + size.y);
  m_placed = place(model, style, origin, width);

  ImGui::SetNextWindowPos(origin);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("##on_screen_keyboard", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar(3);
  // Above the form even after a tap on it (screens' windows never come to the front).
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());

  // One button for the board: it holds the finger even when it slides up onto the accents.
  ImGui::SetCursorScreenPos(origin);
  ImGui::InvisibleButton("##keys", size);
  const ImVec2 point = ImGui::GetIO().MousePos;
  KeyboardAction action = KeyboardAction::None;
  if (ImGui::IsItemActivated()) reset();
  if (ImGui::IsItemActive()) {
    follow(model, point, now);
  } else if (ImGui::IsItemDeactivated()) {
    action = lift(model, point, now);
    m_placed = place(model, style, origin, width);  // the key may have turned the page
  } else {
    reset();
  }
  drawKeys(model, style, ImGui::GetWindowDrawList());
  drawChoices(style, ImGui::GetForegroundDrawList());
  for (const Placed& placed : m_placed) rememberControl("key:" + placed.key->id, placed.min, placed.max);
  ImGui::End();
  return action;
}

KeyboardAction OnScreenKeyboard::drawDocked(KeyboardModel& model, const KeyboardStyle& style, Clock::time_point now) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float h = height(model, style, viewport->Size.x);
  return draw(model, style, ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - h), viewport->Size.x, now);
}

void OnScreenKeyboard::drawKeys(const KeyboardModel& model, const KeyboardStyle& style, ImDrawList* draw) const {
  draw->AddRectFilled(m_boardMin, m_boardMax, kBoardColour);
  const float rounding = style.unit * 0.3f;
  const float line = std::max(2.0f, style.unit * 0.12f);
  const ImU32 pressed = ImGui::GetColorU32(ImGuiCol_ButtonActive);
  for (const Placed& p : m_placed) {
    const Key& key = *p.key;
    const bool shiftOn = key.kind == KeyKind::Shift && model.shift() == ShiftState::Locked;
    ImU32 colour = key.kind == KeyKind::Text || key.kind == KeyKind::Space ? ImGui::GetColorU32(kTile)
                                                                            : kSpecialKeyColour;
    if (key.kind == KeyKind::Enter || shiftOn) colour = ImGui::GetColorU32(kAccent);
    if (key.id == m_held) colour = pressed;  // the finger covers the key: its colour shows it took
    draw->AddRectFilled(p.min, p.max, colour, rounding);
    if (key.kind == KeyKind::Text || key.kind == KeyKind::Page) {
      drawLabel(draw, style, model.labelOf(key), p.min, p.max);
    } else {
      const float s = std::min(p.max.x - p.min.x, p.max.y - p.min.y) * 0.45f;
      drawIcon(draw, key, model, centre(p.min, p.max), key.kind == KeyKind::Space ? s * 0.8f : s, line);
    }
  }
}

void OnScreenKeyboard::drawChoices(const KeyboardStyle& style, ImDrawList* draw) const {
  if (m_choices.empty()) return;
  const float pad = m_gap / 2;
  const float rounding = style.unit * 0.3f;
  const ImVec2 max(m_choicesMin.x + static_cast<float>(m_choices.size()) * m_slot, m_choicesMin.y + m_keyHeight);
  draw->AddRectFilled(ImVec2(m_choicesMin.x - pad, m_choicesMin.y - pad), ImVec2(max.x + pad, max.y + pad),
                      kSpecialKeyColour, rounding);
  draw->AddRect(ImVec2(m_choicesMin.x - pad, m_choicesMin.y - pad), ImVec2(max.x + pad, max.y + pad),
                ImGui::GetColorU32(kAccent), rounding, 0, 2.0f);
  for (std::size_t i = 0; i < m_choices.size(); ++i) {
    const float x = m_choicesMin.x + static_cast<float>(i) * m_slot;
    const ImVec2 min(x + pad, m_choicesMin.y), cellMax(x + m_slot - pad, max.y);
    const ImU32 colour = m_hoveredChoice == i ? ImGui::GetColorU32(ImGuiCol_ButtonActive) : ImGui::GetColorU32(kTile);
    draw->AddRectFilled(min, cellMax, colour, rounding);
    drawLabel(draw, style, m_choices[i], min, cellMax);
  }
}

std::optional<OnScreenKeyboard::Clock::time_point> OnScreenKeyboard::nextWake() const {
  if (m_held.empty() || m_longPressAsked) return std::nullopt;
  return m_heldSince + kLongPress;
}

void OnScreenKeyboard::reset() {
  m_held.clear();
  m_longPressAsked = false;
  m_choices.clear();
  m_hoveredChoice.reset();
}

}  // namespace etalase::kiosk
