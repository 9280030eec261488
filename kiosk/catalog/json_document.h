// Reading a JSON document so that nothing the JSON library throws escapes: every problem
// becomes an Error that names the file and, for text that is not JSON, the line and column.
#pragma once

#include <nlohmann/json.hpp>

#include <exception>
#include <string>

#include "media/error.h"

namespace etalase::kiosk {

// `text` as JSON, or why not ("not valid JSON at line 4, column 17: ...", a number out of range
// such as 1e99999 included). `file` is only used to name the problem.
Result<nlohmann::json> parseJsonDocument(const std::string& text, const std::string& file);

// "line 3, column 14" of the byte at `offset` (0-based); columns count characters, not bytes.
std::string lineAndColumn(const std::string& text, std::size_t offset);

// Messages reach a screen and the journal: bytes that are not UTF-8 become '?'.
std::string printable(const std::string& text);

// The boundary around code that walks a parsed document: whatever the JSON library (or the
// standard library) throws out of `walk` becomes an Error naming `file`, never a terminate().
template <typename Walk>
auto catchingJsonErrors(const std::string& file, Walk&& walk) -> decltype(walk()) {
  try {
    return walk();
  } catch (const nlohmann::json::exception& e) {
    return Error{file, printable(e.what())};
  } catch (const std::bad_alloc&) {
    return Error{file, "not enough memory to read it"};
  } catch (const std::exception& e) {
    return Error{file, printable(e.what())};
  }
}

}  // namespace etalase::kiosk
