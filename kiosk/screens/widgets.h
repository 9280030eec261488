// Pieces every visitor screen shares: colours, the header with Back and the language switch,
// product tiles, drag-to-scroll. ImGui only.
#pragma once

#include <imgui.h>

#include <functional>
#include <optional>
#include <string>

#include "screen_context.h"

namespace etalase::kiosk {

inline const ImVec4 kBackground(0.12f, 0.09f, 0.08f, 1.0f);
inline const ImVec4 kAccent(0.77f, 0.47f, 0.16f, 1.0f);
inline const ImVec4 kTile(0.20f, 0.16f, 0.14f, 1.0f);
inline constexpr ImU32 kTextColour = IM_COL32(255, 250, 240, 255);
inline constexpr ImU32 kSubtleTextColour = IM_COL32(230, 190, 140, 255);

struct HeaderAction {
  bool back = false;
  std::optional<std::string> language;  // the visitor picked a language
};

// One line: an optional Back button, the title (cut with an ellipsis before the language
// switch), and a button per pack language at the right.
HeaderAction drawHeader(const ScreenContext& context, const std::string& title, bool withBack);

// A tall enough button for a finger: at least the context's touch target.
bool touchButton(const ScreenContext& context, const char* label, const ImVec4& colour, float width = 0.0f);
// How tall touchButton draws, and how wide for `label` (at its narrowest).
float buttonHeight(const ScreenContext& context);
float buttonWidth(const ScreenContext& context, const char* label);
// Puts the next item, `width` wide, beside the last one if it fits there, else on a new line: rows
// of buttons wrap on a narrow (portrait) screen instead of running off its edge.
void flowNextItem(float width);

// A product as a tile with its poster, name, producer and region. True when tapped.
bool drawProductTile(const ScreenContext& context, std::size_t productIndex, ImVec2 size);
float productTileHeight(const ScreenContext& context, float width);
// The products `shown` lets through, as rows of tiles filling the available width. Returns the
// tapped product's index.
std::optional<std::size_t> drawProductTiles(const ScreenContext& context,
                                            const std::function<bool(const Product&)>& shown);

// Picture `texture` fitted inside [min, max]: whole (contain) or filling it, cropped (cover).
void drawFitted(ImDrawList* draw, SDL_Texture* texture, ImVec2 min, ImVec2 max, bool cover, float rounding);

// A dialog's dim layer over the whole screen: it makes the dialog obvious and catches taps, so
// nothing underneath is pressed. `overEverything` also puts it above windows drawn later (the
// on-screen keyboard).
void drawDimBackdrop(const char* id, ImU32 colour, bool overEverything = false);
// The next window centred on the screen, `width` wide (0: as wide as its contents).
void centreNextWindow(float width = 0.0f);

// A finger dragging inside the current window scrolls it, as on a phone, and a flick keeps it
// moving after the finger lifts, slowing down.
void dragToScroll();
// Whether a list was still coasting in the frame just drawn (more frames are needed); clears it.
bool takeScrollCoasting();

// Where named controls were drawn in the last frame, so tests can touch them as a finger would
// (the grid's contact button, the form's fields, the keyboard's keys). UI thread only.
void rememberControl(const std::string& name, ImVec2 min, ImVec2 max);
void rememberLastItem(const std::string& name);
std::optional<ImVec2> controlCentre(const std::string& name);
struct ControlArea {
  ImVec2 min, max;
};
std::optional<ControlArea> controlArea(const std::string& name);
void forgetControls();

}  // namespace etalase::kiosk
