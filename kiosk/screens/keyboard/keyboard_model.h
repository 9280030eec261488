// The on-screen keyboard's logic: layouts as data, shift, accents and the edit buffer of the
// field being typed into. Pure (no SDL, no ImGui), so the rules are unit-tested. UI thread only.
// The buffer is wiped, not just emptied, by clear() and on destruction: a visitor's contact
// details must not linger in memory once the form is sent, cancelled or timed out.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace etalase::kiosk {

enum class Layout { Letters, Symbols, MoreSymbols, Accents, Email, Phone };

enum class KeyKind { Text, Space, Shift, Backspace, Page, Enter, Hide };

// Shift taps cycle Off -> Once; a second tap within kDoubleTap locks, a slower one turns it off.
enum class ShiftState { Off, Once, Locked };

// What the Enter key says and does: move on to the next field, or finish the form.
enum class EnterKey { Next, Done };

// What a key did, for the form.
enum class KeyboardAction {
  None,         // nothing, or only the keyboard changed (shift, page)
  TextChanged,  // mirror text() into the focused field
  Full,         // refused: the field is at its maximum length
  NextField,    // Enter while EnterKey::Next: move focus on
  Done,         // Enter while EnterKey::Done: the form is finished
  Hide,         // the visitor put the keyboard away
};

// Key ids of the keys that type nothing; a key that types text has its text as id ("a", ".com").
namespace keys {
inline constexpr std::string_view kShift = "shift";
inline constexpr std::string_view kBackspace = "backspace";
inline constexpr std::string_view kSpace = "space";
inline constexpr std::string_view kEnter = "enter";
inline constexpr std::string_view kHide = "hide";
inline constexpr std::string_view kLetters = "page:letters";  // back to the field's own layout
inline constexpr std::string_view kSymbols = "page:symbols";
inline constexpr std::string_view kMoreSymbols = "page:more";
inline constexpr std::string_view kAccents = "page:accents";
}  // namespace keys

struct Key {
  std::string id;
  std::string label;    // the view draws icons instead for Shift, Backspace, Space, Enter, Hide
  std::string output;   // typed by Text and Space keys
  std::string shifted;  // typed and shown while shift is on; empty for keys without case
  float width = 1.0f;   // in key units: one unit is at least the touch target wide
  KeyKind kind = KeyKind::Text;
  Layout target = Layout::Letters;  // where a Page key goes
};
using KeyRow = std::vector<Key>;

class KeyboardModel {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::size_t kDefaultMaxLength = 100;
  static constexpr std::chrono::milliseconds kDoubleTap{400};
  // No row is wider than this, so a unit is >= 9 mm even on a 7" 800x480 screen.
  static constexpr float kMaxRowUnits = 11.0f;

  explicit KeyboardModel(Layout layout = Layout::Letters, std::size_t maxLength = kDefaultMaxLength);
  ~KeyboardModel();
  // A copy would be one more place for the visitor's typing to linger.
  KeyboardModel(const KeyboardModel&) = delete;
  KeyboardModel& operator=(const KeyboardModel&) = delete;

  // Set-up for the field that gets focus. setLayout picks the field's own layout (Letters,
  // Email or Phone; the other pages are reached by keys), turns shift off and closes accents.
  void setLayout(Layout layout);
  Layout layout() const { return m_layout; }
  void setMaxLength(std::size_t codePoints);
  std::size_t maxLength() const { return m_maxLength; }
  void setEnterKey(EnterKey enter) { m_enter = enter; }
  EnterKey enterKey() const { return m_enter; }
  // For names: shift turns on by itself at the start and after a space (Letters only).
  void setCapitalizeWords(bool on);

  // A tap on the key of the current layout with this id; unknown ids do nothing.
  KeyboardAction press(std::string_view keyId, Clock::time_point now = Clock::now());
  // The accented forms of a held letter (in the shift's case), empty for a key without any;
  // choose() then types one of them.
  const std::vector<std::string>& longPress(std::string_view keyId);
  KeyboardAction choose(std::string_view accent);

  const std::string& text() const { return m_text; }
  std::size_t length() const;  // in code points
  // The field's current text when focus moves to it; cut at the maximum length.
  void setText(std::string_view text);
  // Empties the buffer and overwrites the memory that held it.
  void clear();

  ShiftState shift() const { return m_shift; }
  const std::vector<KeyRow>& rows() const { return rowsOf(m_layout); }
  // What the key shows now: its shifted form while shift is on.
  const std::string& labelOf(const Key& key) const;

  static const std::vector<KeyRow>& rowsOf(Layout layout);
  static float rowUnits(const KeyRow& row);
  // The lower-case accented forms offered for a letter key, empty if none.
  static const std::vector<std::string>& accentsOf(std::string_view keyId);

 private:
  const Key* find(std::string_view keyId) const;
  KeyboardAction type(std::string_view text, bool consumesShift);
  void eraseLast();
  void reserveFor(std::size_t codePoints);
  bool shifted() const { return m_shift != ShiftState::Off; }
  void autoCapitalize();

  std::string m_text;
  std::size_t m_maxLength;
  Layout m_base;    // the field's layout, where "ABC" returns to
  Layout m_layout;  // the page shown
  ShiftState m_shift = ShiftState::Off;
  Clock::time_point m_lastShiftTap{};
  EnterKey m_enter = EnterKey::Next;
  bool m_capitalizeWords = false;
  std::vector<std::string> m_choices;  // offered by the last longPress()
};

}  // namespace etalase::kiosk
