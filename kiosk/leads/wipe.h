// Forgetting what a visitor typed: the bytes are overwritten before the string is emptied, so they
// do not linger in freed memory that a later allocation (or a core dump) could show.
#pragma once

#include <string.h>  // explicit_bzero: a wipe the optimiser may not drop

#include <string>

namespace etalase::leads {

inline void wipe(std::string& text) {
  if (!text.empty()) explicit_bzero(text.data(), text.size());
  text.clear();
}

}  // namespace etalase::leads
