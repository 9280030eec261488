// Install dialog drawing. Staff-facing, so in English.
#include "install_prompt.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "widgets.h"

namespace etalase::kiosk {

namespace {

constexpr std::size_t kProblemsShown = 8;

const char* stepName(InstallState state) {
  switch (state) {
    case InstallState::Validating: return "Checking the pack (every video is decoded)";
    case InstallState::Copying: return "Copying onto the kiosk";
    case InstallState::Switching: return "Switching to the new pack";
    default: return "Starting";
  }
}

}  // namespace

InstallPromptAction drawInstallPrompt(const ScreenContext& context, const UsbInstallFlow& flow) {
  InstallPromptAction action;
  drawDimBackdrop("install-backdrop", IM_COL32(0, 0, 0, 115));
  const float screenWidth = ImGui::GetMainViewport()->Size.x;
  centreNextWindow(std::min(screenWidth * 0.9f, std::max(screenWidth * 0.55f, context.unit * 24.0f)));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.16f, 0.13f, 0.12f, 1.0f));
  ImGui::Begin("install", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::SetWindowFocus();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushFont(context.fonts->title);
  ImGui::TextUnformatted(("Content pack on USB stick \"" + flow.stickLabel() + "\"").c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  const InstallStatus status = flow.status();
  switch (flow.stage()) {
    case UsbInstallFlow::Stage::Offer:
      ImGui::TextUnformatted("Install it on this kiosk? The pack is checked first (every video is decoded); "
                             "the kiosk keeps showing the current pack until the new one is ready, and the "
                             "current one is kept to go back to.");
      if (!flow.message().empty()) ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "%s", flow.message().c_str());
      ImGui::Spacing();
      action.install = touchButton(context, "Install", kAccent);
      rememberLastItem("install.install");
      ImGui::SameLine();
      action.cancel = touchButton(context, "Not now", kTile);
      break;
    case UsbInstallFlow::Stage::Installing: {
      ImGui::TextUnformatted(stepName(status.state));
      const std::string overlay =
          status.state == InstallState::Copying && status.bytesTotal > 0
              ? std::to_string(status.bytesCopied / 1000000) + " of " + std::to_string(status.bytesTotal / 1000000) + " MB"
              : std::to_string(static_cast<int>(status.fraction * 100)) + " %";
      ImGui::ProgressBar(static_cast<float>(status.fraction), ImVec2(-1, context.unit * 1.4f), overlay.c_str());
      ImGui::TextUnformatted(status.currentFile.c_str());
      action.cancel = touchButton(context, "Cancel", kTile);
      break;
    }
    case UsbInstallFlow::Stage::Outcome:
      ImGui::TextColored(status.state == InstallState::Done ? ImVec4(0.6f, 0.9f, 0.6f, 1.0f) : ImVec4(1.0f, 0.6f, 0.5f, 1.0f),
                         "%s", status.message.c_str());
      for (std::size_t i = 0; i < std::min(status.problems.size(), kProblemsShown); ++i) {
        ImGui::Bullet();  // BulletText would not wrap a long problem line
        ImGui::TextUnformatted(status.problems[i].c_str());
      }
      if (status.problems.size() > kProblemsShown) {
        ImGui::Text("... and %zu more (run etalase-pack validate on a laptop for the full list)",
                    status.problems.size() - kProblemsShown);
      }
      action.dismiss = touchButton(context, "OK", kAccent);
      if (status.state == InstallState::Done) {
        ImGui::SameLine();
        action.rollback = touchButton(context, "Undo: back to the previous pack", kTile);
      }
      break;
    case UsbInstallFlow::Stage::None:
      break;
  }
  ImGui::PopTextWrapPos();
  ImGui::End();
  ImGui::PopStyleColor();
  return action;
}

}  // namespace etalase::kiosk
