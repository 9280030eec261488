// Shared screen helpers.
#include "screen_context.h"

#include <imgui.h>

#include <cmath>

namespace etalase::kiosk {

float touchTargetPixels(SDL_Point outputSize, double diagonalInches) {
  constexpr double kTargetMillimetres = 9.0;
  const double diagonalPixels = std::hypot(outputSize.x, outputSize.y);
  return static_cast<float>(std::ceil(kTargetMillimetres * diagonalPixels / (diagonalInches * 25.4)));
}

bool beginFullScreenWindow(const char* id, bool transparentBackground) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (transparentBackground) flags |= ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs;
  return ImGui::Begin(id, nullptr, flags);
}

void endFullScreenWindow() { ImGui::End(); }

}  // namespace etalase::kiosk
