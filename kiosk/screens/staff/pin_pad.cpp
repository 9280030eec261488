#include "kiosk/screens/staff/pin_pad.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

namespace {

const char* titleFor(staff::StaffSession::State state) {
  using State = staff::StaffSession::State;
  switch (state) {
    case State::NewPin: return "Choose a staff PIN";
    case State::ConfirmPin: return "Type the new PIN again";
    default: return "Staff PIN";
  }
}

void drawDigits(const ScreenContext& context, PinPadAction& action, bool enabled) {
  const float key = std::max(context.touchTarget * 1.3f, context.unit * 2.6f);
  const char* labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Del", "0", "OK"};
  const char* names[] = {"pin:1", "pin:2", "pin:3", "pin:4", "pin:5", "pin:6",
                         "pin:7", "pin:8", "pin:9", "pin:del", "pin:0", "pin:ok"};
  ImGui::BeginDisabled(!enabled);
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, i == 11 ? kAccent : kTile);
    if (ImGui::Button(labels[i], ImVec2(key * 1.5f, key))) {
      if (i == 9) action.erase = true;
      else if (i == 11) action.submit = true;
      else action.digit = labels[i][0];
    }
    rememberLastItem(names[i]);
    ImGui::PopStyleColor();
  }
  ImGui::EndDisabled();
}

}  // namespace

PinPadAction drawPinPad(const ScreenContext& context, const staff::StaffSession& session) {
  PinPadAction action;
  drawDimBackdrop("pin-backdrop", IM_COL32(0, 0, 0, 153));
  centreNextWindow();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.16f, 0.13f, 0.12f, 1.0f));
  ImGui::Begin("pin-pad", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::SetWindowFocus();
  ImGui::PushFont(context.fonts->title);
  ImGui::TextUnformatted(titleFor(session.state()));
  ImGui::PopFont();
  // One dot per digit typed, never the digits: someone may be looking over the shoulder.
  std::string dots;
  for (std::size_t i = 0; i < session.digitsTyped(); ++i) dots += i == 0 ? "\xE2\x97\x8F" : " \xE2\x97\x8F";
  ImGui::PushFont(context.fonts->title);
  ImGui::TextUnformatted(dots.empty() ? "_" : dots.c_str());
  ImGui::PopFont();
  const auto wait = session.wait();
  const float width = std::max(context.touchTarget * 1.3f, context.unit * 2.6f) * 4.7f;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  if (wait.count() > 0) {
    const long long seconds = wait.count();
    if (seconds < 120) {
      ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.5f, 1.0f), "Too many wrong PINs: wait %lld s.", seconds);
    } else {
      ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.5f, 1.0f), "Too many wrong PINs: wait %lld min.", (seconds + 59) / 60);
    }
  } else if (!session.message().empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.5f, 1.0f), "%s", session.message().c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  drawDigits(context, action, wait.count() == 0);
  ImGui::Spacing();
  action.cancel = touchButton(context, "Cancel", kTile);
  rememberLastItem("pin:cancel");
  ImGui::End();
  ImGui::PopStyleColor();
  return action;
}

std::optional<std::string> applyPinPad(staff::StaffSession& session, const PinPadAction& action,
                                       std::chrono::steady_clock::time_point now) {
  if (action.digit) session.typeDigit(*action.digit, now);
  if (action.erase) session.eraseDigit(now);
  if (action.cancel) {
    session.cancel();
    return std::nullopt;
  }
  if (action.submit) return session.submit(now);
  return std::nullopt;
}

PinPadAction pinPadKey(SDL_Keycode key) {
  PinPadAction action;
  if (key >= SDLK_0 && key <= SDLK_9) action.digit = static_cast<char>('0' + (key - SDLK_0));
  if (key >= SDLK_KP_1 && key <= SDLK_KP_9) action.digit = static_cast<char>('1' + (key - SDLK_KP_1));
  if (key == SDLK_KP_0) action.digit = '0';
  action.erase = key == SDLK_BACKSPACE;
  action.submit = key == SDLK_RETURN || key == SDLK_KP_ENTER;
  action.cancel = key == SDLK_ESCAPE;
  return action;
}

}  // namespace etalase::kiosk
