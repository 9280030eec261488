// Tells a USB barcode scanner from a person typing. The scanner is a keyboard to the kiosk: reading
// a badge's QR code, it types the vCard or MECARD text into whatever field has the focus, a
// character every few milliseconds. Fed every text input and Enter/Tab key event with its time,
// this says what to type into the field, what to take back out of it, and when a card was read.
//
// A scan is recognised when the card's first characters ("BEGIN:VCARD" or "MECARD:", any case)
// come at scanner speed: a median gap of at most 15 ms between them and no gap a person's 50 ms or
// more. Until then characters are typed as they come, since a person's typing must show at once;
// at recognition the step says how many of them to erase. From then on everything is held: an Enter
// is a line break of the card, a Tab a tab. The scan ends at the vCard's END:VCARD, at the MECARD's
// closing ";;", or after 150 ms of silence (a cut-off card, still handed over if it has 20
// characters or more; a shorter one is handed back as typing). An Enter or Tab the scanner sends
// right after the card is swallowed too. A fast burst that does not start like a card (a product
// barcode) is ordinary typing: it was typed as it came and stays.
//
// Pure logic: no clock, no SDL. Times are milliseconds from any fixed origin (SDL's event timestamps).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace etalase::kiosk {

struct ScanSettings {
  double maxScanGapMs = 15;       // median gap between the first characters of a scan, at most
  int64_t humanGapMs = 50;        // any gap this long among them means a person
  int64_t silenceMs = 150;        // a scan in progress ends after this much silence
  std::size_t minCutOffChars = 20;  // a scan ended by silence is a card only with this many characters
  std::size_t maxScanBytes = 64 * 1024 + 1;  // more ends the scan (the parser then refuses it as too large)
};

enum class ScanKey { Enter, Tab };

// What the caller does with one event, in this order: erase, type, then act on the key (unless
// consumed) and parse the card.
struct ScanStep {
  std::size_t erase = 0;  // characters just before the caret, typed earlier, that began a scan: delete them
  std::string type;       // text to type into the focused field (a burst handed back may hold "\n")
  bool keyConsumed = false;         // key(): the Enter or Tab was part of a scan; do not act on it
  std::optional<std::string> card;  // a finished scan: the card's text, for parseCard
};

class ScanDetector {
 public:
  explicit ScanDetector(ScanSettings settings = {});

  ScanStep text(std::string_view utf8, int64_t ms);  // an SDL_TEXTINPUT
  ScanStep key(ScanKey key, int64_t ms);             // an Enter or Tab key press
  ScanStep poll(int64_t ms);                         // every frame: ends a scan after silence

  // A scan is being read (the UI may show "Reading card…" and should not submit the form).
  bool scanning() const { return m_mode == Mode::Scanning; }
  // The focus moved to another field: what was typed before is no scan's start any more.
  // A scan in progress is dropped.
  void reset();

 private:
  enum class Mode { Watching, Scanning, Trailing, Discarding };
  enum class CardKind { VCard, MeCard };
  struct Typed {
    char32_t c;
    int64_t ms;
    bool earlierEvent;  // delivered by an earlier step (not the one being processed)
  };

  void endBySilence(int64_t ms, ScanStep& step);
  bool recognise(ScanStep& step);
  void startScan(CardKind kind, std::size_t prefixLength);
  void scanCodePoint(char32_t c, int64_t ms, ScanStep& step);
  void finishScan(ScanStep& step);

  ScanSettings m_settings;
  Mode m_mode = Mode::Watching;
  int64_t m_lastMs = 0;
  std::deque<Typed> m_recent;  // the last characters typed while watching, for the prefix test

  // The scan in progress.
  CardKind m_kind = CardKind::VCard;
  std::string m_buffer;
  std::size_t m_codePoints = 0;
  std::string m_line;         // the vCard's current line (its first 16 characters)
  bool m_lineCounted = false; // the current line's BEGIN:VCARD is already counted
  int m_depth = 0;            // vCards open (2.1 nests one in AGENT)
  bool m_escaped = false;     // MECARD: the last character was an escaping backslash
  bool m_afterSeparator = false;  // MECARD: the last character was an unescaped ';'
};

}  // namespace etalase::kiosk
