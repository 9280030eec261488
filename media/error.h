// Errors from the world (missing file, unsupported codec, pulled stick) as values with context.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace etalase {

struct Error {
  std::string where;  // the file, field or operation, e.g. "videos/a.mp4"
  std::string what;   // the reason, e.g. "no decoder for codec hevc"
  std::string text() const { return where.empty() ? what : where + ": " + what; }
};

// A value or an Error. Accessing the wrong alternative is a programming error.
template <typename T>
class Result {
 public:
  Result(T value) : m_value(std::move(value)) {}
  Result(Error error) : m_value(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(m_value); }
  explicit operator bool() const { return ok(); }
  T& value() {
    assert(ok());
    return std::get<T>(m_value);
  }
  const T& value() const {
    assert(ok());
    return std::get<T>(m_value);
  }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(m_value);
  }

 private:
  std::variant<T, Error> m_value;
};

}  // namespace etalase
