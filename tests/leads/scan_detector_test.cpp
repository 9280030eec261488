// A USB scanner typing a badge's card into the form, told from a visitor typing: synthetic timings.
#include "kiosk/leads/scan_detector.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace etalase::kiosk {
namespace {

const std::string kVCard =
    "BEGIN:VCARD\nVERSION:3.0\nFN:Budi Santoso\nORG:PT Kopi Nusantara\nTEL:+62 812 3456 7890\n"
    "EMAIL:budi@kopi.co.id\nEND:VCARD";
const std::string kMeCard = "MECARD:N:Tanaka,Hiroshi;TEL:+81 3 1234 5678;EMAIL:tanaka@example.jp;;";

// The form as a visitor sees it: one focused text field, Enter submits.
struct Form {
  explicit Form(ScanSettings settings = {}) : detector(settings) {}
  ScanDetector detector;
  std::string field;
  int submits = 0;
  std::vector<std::string> cards;

  void apply(const ScanStep& step) {
    ASSERT_LE(step.erase, field.size());
    field.erase(field.size() - step.erase);  // the tests' fields hold ASCII before a scan
    field += step.type;
    if (step.card) cards.push_back(*step.card);
  }
  void text(const std::string& fragment, int64_t ms) { apply(detector.text(fragment, ms)); }
  void enter(int64_t ms) {
    const ScanStep step = detector.key(ScanKey::Enter, ms);
    apply(step);
    if (!step.keyConsumed) ++submits;
  }
  void poll(int64_t ms) { apply(detector.poll(ms)); }

  // One event per character, a line break as the Enter key, `gap(i)` ms before character i.
  template <typename Gap>
  int64_t typeTimed(const std::string& text, int64_t ms, Gap gap) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      ms += gap(i);
      if (text[i] == '\n') {
        enter(ms);
      } else {
        this->text(std::string(1, text[i]), ms);
      }
    }
    return ms;
  }
  int64_t type(const std::string& text, int64_t ms, int64_t gapMs) {
    return typeTimed(text, ms, [gapMs](std::size_t) { return gapMs; });
  }
};

// Typed at this pace, the text is ordinary typing: in the field, its Enters acting, no card.
void expectTyping(const std::string& text, int64_t gapMs, const std::string& field, int submits) {
  Form form;
  form.type(text, 0, gapMs);
  EXPECT_EQ(form.field, field) << text;
  EXPECT_EQ(form.submits, submits) << text;
  EXPECT_TRUE(form.cards.empty()) << text;
}

TEST(ScanDetector, AFastVCardScanBecomesACardAndLeavesTheFieldAsItWas) {
  Form form;
  int64_t ms = form.type("Hi ", 1000, 200);  // the visitor had started typing
  ms = form.type(kVCard + "\n", ms + 2000, 4);  // the scanner ends with an Enter of its own
  ASSERT_EQ(form.cards.size(), 1u);
  EXPECT_EQ(form.cards[0], kVCard);
  EXPECT_EQ(form.field, "Hi ");  // "BEGIN:VCAR", typed before the scan was known, is taken back
  EXPECT_EQ(form.submits, 0);    // neither the card's line breaks nor the scanner's Enter sent the form
  form.poll(ms + 500);
  EXPECT_EQ(form.cards.size(), 1u);
  EXPECT_EQ(form.field, "Hi ");
}

TEST(ScanDetector, AFastMeCardScan) {
  Form form;
  const int64_t ms = form.type(kMeCard + "\n", 5000, 6);
  ASSERT_EQ(form.cards.size(), 1u);
  EXPECT_EQ(form.cards[0], kMeCard);
  EXPECT_EQ(form.field, "");
  EXPECT_EQ(form.submits, 0);
  form.type("x", ms + 400, 0);  // the visitor types again afterwards
  EXPECT_EQ(form.field, "x");
}

TEST(ScanDetector, APersonTypingACardsFirstWordsIsJustTyping) {
  expectTyping("begin:vcard\n", 180, "begin:vcard", 1);
  expectTyping("MECARD:N:Me;;", 60, "MECARD:N:Me;;", 0);  // a quick typist at 60 ms a key is still a person
}

TEST(ScanDetector, APlainBarcodeScanIsHandedOverAsTyping) {
  // A scanner reading a product's EAN-13 into the field: fast, but no card. It stays typed (staff
  // scan product codes into the form on purpose) and its Enter acts as an Enter.
  expectTyping("8991234567890\n", 4, "8991234567890", 1);
}

TEST(ScanDetector, AScanSplitOverManyEventsOfAnySize) {
  std::mt19937 random(7);
  for (int round = 0; round < 50; ++round) {
    Form form;
    int64_t ms = 10000;
    std::size_t at = 0;
    while (at < kVCard.size()) {
      const std::size_t size = std::uniform_int_distribution<std::size_t>(1, 9)(random);
      std::string fragment = kVCard.substr(at, size);
      at += fragment.size();
      // Line breaks come as Enter keys between text events.
      std::size_t start = 0;
      for (std::size_t nl; (nl = fragment.find('\n', start)) != std::string::npos; start = nl + 1) {
        if (nl > start) form.text(fragment.substr(start, nl - start), ms);
        form.enter(ms);
      }
      if (start < fragment.size()) form.text(fragment.substr(start), ms);
      ms += static_cast<int64_t>(fragment.size()) * 4;
    }
    ASSERT_EQ(form.cards.size(), 1u) << "round " << round;
    EXPECT_EQ(form.cards[0], kVCard);
    EXPECT_EQ(form.field, "");
    EXPECT_EQ(form.submits, 0);
  }
}

TEST(ScanDetector, AWholeCardInOneEventIsAScanToo) {
  Form form;
  form.text("Ana", 0);
  form.text(kMeCard, 3000);
  ASSERT_EQ(form.cards.size(), 1u);
  EXPECT_EQ(form.field, "Ana");
}

TEST(ScanDetector, TimingJitterDoesNotBreakAScan) {
  std::mt19937 random(42);
  std::uniform_int_distribution<int64_t> jitter(0, 30);
  for (int round = 0; round < 20; ++round) {
    Form form;
    // Gaps of 0 to 30 ms, now and then a 45 ms hiccup, and an event stamped 3 ms before the last.
    form.typeTimed(kVCard + "\n", 0, [&](std::size_t i) -> int64_t {
      if (i % 37 == 5) return 45;
      if (i % 50 == 9) return -3;
      return jitter(random) / 3;
    });
    ASSERT_EQ(form.cards.size(), 1u) << "round " << round;
    EXPECT_EQ(form.cards[0], kVCard);
    EXPECT_EQ(form.field, "");
  }
}

TEST(ScanDetector, ACutOffScanEndsAfterSilence) {
  Form form;
  const std::string cut = kVCard.substr(0, 40);  // the scanner lost the code half-way
  int64_t ms = form.type(cut, 0, 5);
  EXPECT_TRUE(form.detector.scanning());
  form.poll(ms + 100);
  EXPECT_TRUE(form.cards.empty());  // not silent long enough yet
  form.poll(ms + 160);
  ASSERT_EQ(form.cards.size(), 1u);
  EXPECT_EQ(form.cards[0], cut);
  EXPECT_FALSE(form.detector.scanning());
  EXPECT_EQ(form.field, "");
}

TEST(ScanDetector, ACardsStartAloneIsHandedBackAsTyping) {
  Form form;
  const int64_t ms = form.type("MECARD:", 0, 5);
  EXPECT_EQ(form.field, "");  // held while it might be a card
  form.poll(ms + 200);
  EXPECT_TRUE(form.cards.empty());
  EXPECT_EQ(form.field, "MECARD:");  // it was not: the visitor's field gets it back
}

TEST(ScanDetector, TypingAfterSilenceEndsAScanAndIsTyped) {
  Form form;
  int64_t ms = form.type(kVCard.substr(0, 30), 0, 5);
  form.text("x", ms + 400);  // no poll in between: the next event notices the silence
  ASSERT_EQ(form.cards.size(), 1u);
  EXPECT_EQ(form.cards[0], kVCard.substr(0, 30));
  EXPECT_EQ(form.field, "x");
}

TEST(ScanDetector, NestedCardsEndAtTheOuterEnd) {
  const std::string nested =
      "BEGIN:VCARD\nFN:Outer\nAGENT:\nBEGIN:VCARD\nFN:Inner\nEND:VCARD\nEMAIL:o@example.com\nEND:VCARD";
  Form form;
  form.type(nested + "\n", 0, 3);
  ASSERT_EQ(form.cards.size(), 1u);
  EXPECT_EQ(form.cards[0], nested);
  EXPECT_EQ(form.submits, 0);
}

TEST(ScanDetector, AnEndlessScanIsCutAndTheRestSwallowed) {
  ScanSettings settings;
  settings.maxScanBytes = 200;
  Form form(settings);
  std::string endless = "BEGIN:VCARD\nNOTE:";
  endless += std::string(1000, 'z');
  int64_t ms = form.type(endless, 0, 1);
  ASSERT_EQ(form.cards.size(), 1u);
  EXPECT_GT(form.cards[0].size(), 200u);  // over the limit: the parser will say so
  EXPECT_EQ(form.field, "");
  form.type("ok", ms + 300, 200);
  EXPECT_EQ(form.field, "ok");
}

TEST(ScanDetector, MovingTheFocusForgetsWhatWasTyped) {
  Form form;
  form.type("BEGIN:VCA", 0, 3);
  form.detector.reset();  // the visitor tapped another field: those characters are in the old one
  form.field.clear();
  form.type("RD\nFN:X\n", 30, 3);
  EXPECT_TRUE(form.cards.empty());
  EXPECT_EQ(form.field, "RDFN:X");
}

}  // namespace
}  // namespace etalase::kiosk
