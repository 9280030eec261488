// The product grid: every product of the pack as a large tile, with category filters and the
// language switch.
#pragma once

#include <optional>
#include <string>

#include "screen_context.h"

namespace etalase::kiosk {

struct GridState {
  std::string category;  // empty: all
  float scrollY = 0.0f;
};

struct GridAction {
  std::optional<std::string> language;     // the visitor picked a language
  std::optional<std::size_t> product;      // index into catalog->products
  bool contact = false;                    // leave a contact for the whole stand
};

GridAction drawGrid(const ScreenContext& context, GridState& state);

}  // namespace etalase::kiosk
