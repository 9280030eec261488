// The on-screen keyboard's model: what each key types, shift and accents, the buffer's limits
// and wiping, and that every layout keeps its keys finger-sized.
#include "kiosk/screens/keyboard/keyboard_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "kiosk/screens/screen_context.h"

namespace etalase::kiosk {
namespace {

using namespace std::chrono_literals;
using Clock = KeyboardModel::Clock;

const Clock::time_point kStart = Clock::time_point{} + 1000s;

// Presses one key per character of `text` (ASCII only), with a space key for ' '.
void typeKeys(KeyboardModel& model, std::string_view text) {
  for (char c : text) {
    const std::string id = c == ' ' ? std::string(keys::kSpace) : std::string(1, c);
    ASSERT_EQ(model.press(id, kStart), KeyboardAction::TextChanged) << "key " << id;
  }
}

TEST(KeyboardModelTest, ShiftIsOneShot) {
  KeyboardModel model;
  model.press(keys::kShift, kStart);
  typeKeys(model, "siti ");
  model.press(keys::kShift, kStart + 5s);
  typeKeys(model, "rahma");
  EXPECT_EQ(model.text(), "Siti Rahma");
  EXPECT_EQ(model.shift(), ShiftState::Off);
}

TEST(KeyboardModelTest, DoubleTapLocksShiftAndATapUnlocks) {
  KeyboardModel model;
  model.press(keys::kShift, kStart);
  model.press(keys::kShift, kStart + 300ms);
  EXPECT_EQ(model.shift(), ShiftState::Locked);
  typeKeys(model, "pt abc");
  model.press(keys::kShift, kStart + 5s);
  EXPECT_EQ(model.shift(), ShiftState::Off);
  typeKeys(model, "d");
  EXPECT_EQ(model.text(), "PT ABCd");
}

TEST(KeyboardModelTest, SlowSecondShiftTapTurnsShiftOff) {
  KeyboardModel model;
  model.press(keys::kShift, kStart);
  model.press(keys::kShift, kStart + KeyboardModel::kDoubleTap + 1ms);
  EXPECT_EQ(model.shift(), ShiftState::Off);
}

TEST(KeyboardModelTest, LongPressOffersAccentsAndChoosingTypesOne) {
  KeyboardModel model;
  model.press(keys::kShift, kStart);
  typeKeys(model, "jos");
  const auto& choices = model.longPress("e");
  ASSERT_NE(std::find(choices.begin(), choices.end(), "é"), choices.end());
  EXPECT_EQ(model.choose("é"), KeyboardAction::TextChanged);
  EXPECT_EQ(model.text(), "José");
}

TEST(KeyboardModelTest, LongPressFollowsShiftAndConsumesIt) {
  KeyboardModel model;
  model.press(keys::kShift, kStart);
  const auto choices = model.longPress("e");
  ASSERT_NE(std::find(choices.begin(), choices.end(), "É"), choices.end());
  model.choose("É");
  typeKeys(model, "mile");
  EXPECT_EQ(model.text(), "Émile");
}

TEST(KeyboardModelTest, AccentListsOfTheBrief) {
  const auto has = [](std::string_view key, std::initializer_list<const char*> wanted) {
    const auto& list = KeyboardModel::accentsOf(key);
    for (const char* w : wanted) EXPECT_NE(std::find(list.begin(), list.end(), w), list.end()) << key << " " << w;
  };
  has("a", {"à", "á", "â", "ä", "ã", "å", "æ"});
  has("e", {"è", "é", "ê", "ë"});
  has("o", {"ò", "ó", "ô", "ö", "õ", "ø", "œ"});
  has("c", {"ç"});
  has("n", {"ñ"});
  has("s", {"ß", "ş", "š"});
  has("g", {"ğ"});
  EXPECT_TRUE(KeyboardModel::accentsOf("b").empty());
  KeyboardModel model;
  EXPECT_TRUE(model.longPress("b").empty());
  EXPECT_EQ(model.choose("é"), KeyboardAction::None);  // not offered: nothing typed
  EXPECT_EQ(model.text(), "");
}

TEST(KeyboardModelTest, AccentsPageTypesOneAccentThenReturnsToLetters) {
  KeyboardModel model;
  typeKeys(model, "m");
  model.press(keys::kAccents, kStart);
  EXPECT_EQ(model.layout(), Layout::Accents);
  model.press(keys::kShift, kStart);
  EXPECT_EQ(model.press("ü", kStart), KeyboardAction::TextChanged);
  EXPECT_EQ(model.layout(), Layout::Letters);
  model.press(keys::kAccents, kStart + 1s);
  model.press("ç", kStart + 1s);
  EXPECT_EQ(model.text(), "mÜç");
}

TEST(KeyboardModelTest, BackspaceRemovesAWholeMultiByteCharacter) {
  KeyboardModel model;
  model.setText("Café");
  EXPECT_EQ(model.press(keys::kBackspace, kStart), KeyboardAction::TextChanged);
  EXPECT_EQ(model.text(), "Caf");
  model.setText("Zhang 张");
  model.press(keys::kBackspace, kStart);
  EXPECT_EQ(model.text(), "Zhang ");
}

TEST(KeyboardModelTest, BackspaceRemovesAWholeEmojiOrMarkedLetter) {
  KeyboardModel model;
  model.setText("ok 👍");
  model.press(keys::kBackspace, kStart);
  EXPECT_EQ(model.text(), "ok ");
  model.setText("ok 👍🏽");  // with a skin tone
  model.press(keys::kBackspace, kStart);
  EXPECT_EQ(model.text(), "ok ");
  model.setText("a👨‍👩‍👧");  // a ZWJ family
  model.press(keys::kBackspace, kStart);
  EXPECT_EQ(model.text(), "a");
  model.setText("Jose\xCC\x81");  // e + combining acute
  model.press(keys::kBackspace, kStart);
  EXPECT_EQ(model.text(), "Jos");
  model.setText("🇮🇩🇲🇾");  // two flags
  model.press(keys::kBackspace, kStart);
  EXPECT_EQ(model.text(), "🇮🇩");
  model.press(keys::kBackspace, kStart);
  EXPECT_EQ(model.text(), "");
  EXPECT_EQ(model.press(keys::kBackspace, kStart), KeyboardAction::None);
}

TEST(KeyboardModelTest, EmailLayoutTypesAnAddressWithTheDomainKey) {
  KeyboardModel model;
  model.setCapitalizeWords(true);  // ignored on the email layout
  model.setLayout(Layout::Email);
  EXPECT_EQ(model.shift(), ShiftState::Off);
  typeKeys(model, "buyer@shop");
  EXPECT_EQ(model.press(".co.id", kStart), KeyboardAction::TextChanged);
  EXPECT_EQ(model.text(), "buyer@shop.co.id");
  for (const char* id : {"@", ".", "-", "_", ".com", ".co.id", ".com.my", ".cn"}) {
    KeyboardModel fresh(Layout::Email);
    EXPECT_EQ(fresh.press(id, kStart), KeyboardAction::TextChanged) << id;
    EXPECT_EQ(fresh.text(), id);
  }
}

TEST(KeyboardModelTest, AbcFromTheEmailSymbolsReturnsToEmail) {
  KeyboardModel model(Layout::Email);
  model.press(keys::kSymbols, kStart);
  EXPECT_EQ(model.layout(), Layout::Symbols);
  model.press(keys::kLetters, kStart);
  EXPECT_EQ(model.layout(), Layout::Email);
}

TEST(KeyboardModelTest, PhoneKeypadTypesANumber) {
  KeyboardModel model;
  model.setLayout(Layout::Phone);
  typeKeys(model, "+62 812");
  EXPECT_EQ(model.text(), "+62 812");
  EXPECT_EQ(model.press("a", kStart), KeyboardAction::None);  // no letters on a keypad
  for (const char* id : {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "-", "(", ")"}) {
    KeyboardModel fresh(Layout::Phone);
    EXPECT_EQ(fresh.press(id, kStart), KeyboardAction::TextChanged) << id;
  }
}

TEST(KeyboardModelTest, MaximumLengthStopsInput) {
  KeyboardModel model(Layout::Letters, 5);
  typeKeys(model, "abcd");
  model.longPress("e");
  EXPECT_EQ(model.choose("é"), KeyboardAction::TextChanged);  // counted as one, not two bytes
  EXPECT_EQ(model.press("f", kStart), KeyboardAction::Full);
  EXPECT_EQ(model.text(), "abcdé");
  model.setText("0123456789");
  EXPECT_EQ(model.text(), "01234");
  model.setLayout(Layout::Email);
  model.setText("ab");
  EXPECT_EQ(model.press(".com", kStart), KeyboardAction::Full);  // the whole piece, or nothing
  EXPECT_EQ(model.text(), "ab");
  model.setText("αβγδεζ");
  EXPECT_EQ(model.text(), "αβγδε");
  model.setMaxLength(2);
  EXPECT_EQ(model.text(), "αβ");
}

TEST(KeyboardModelTest, ClearEmptiesAndOverwritesTheBuffer) {
  KeyboardModel model(Layout::Letters, 40);
  const char* buffer = model.text().data();
  model.setText("Siti Rahma, +62 812 5555 1234");
  typeKeys(model, "xyz");
  const std::size_t typed = model.text().size();
  ASSERT_EQ(model.text().data(), buffer);  // typing never moved the text to a new block
  model.clear();
  EXPECT_EQ(model.text(), "");
  EXPECT_EQ(model.text().data(), buffer);
  for (std::size_t i = 0; i < typed; ++i) EXPECT_EQ(buffer[i], '\0') << "byte " << i;
}

TEST(KeyboardModelTest, BackspaceOverwritesTheErasedBytes) {
  KeyboardModel model;
  model.setText("ab😀");
  const char* buffer = model.text().data();
  model.press(keys::kBackspace, kStart);
  for (std::size_t i = 2; i < 6; ++i) EXPECT_EQ(buffer[i], '\0') << "byte " << i;
}

TEST(KeyboardModelTest, EnterAndHideReportTheirAction) {
  KeyboardModel model;
  EXPECT_EQ(model.press(keys::kEnter, kStart), KeyboardAction::NextField);
  model.setEnterKey(EnterKey::Done);
  EXPECT_EQ(model.press(keys::kEnter, kStart), KeyboardAction::Done);
  EXPECT_EQ(model.press(keys::kHide, kStart), KeyboardAction::Hide);
  model.setLayout(Layout::Phone);
  EXPECT_EQ(model.press(keys::kEnter, kStart), KeyboardAction::Done);
  EXPECT_EQ(model.press(keys::kHide, kStart), KeyboardAction::Hide);
}

TEST(KeyboardModelTest, CapitalizeWordsShiftsAtEachWordStart) {
  KeyboardModel model;
  model.setCapitalizeWords(true);
  EXPECT_EQ(model.shift(), ShiftState::Once);
  typeKeys(model, "siti rahma");
  EXPECT_EQ(model.text(), "Siti Rahma");
}

TEST(KeyboardModelTest, ShiftedLabelsShowUpperCase) {
  KeyboardModel model;
  const Key& q = model.rows()[0][0];
  EXPECT_EQ(model.labelOf(q), "q");
  model.press(keys::kShift, kStart);
  EXPECT_EQ(model.labelOf(q), "Q");
}

const Layout kLayouts[] = {Layout::Letters, Layout::Symbols, Layout::MoreSymbols,
                           Layout::Accents, Layout::Email,   Layout::Phone};

TEST(KeyboardLayoutTest, EveryKeyHasALabelAWidthAndAUniqueId) {
  for (Layout layout : kLayouts) {
    std::set<std::string> ids;
    for (const KeyRow& row : KeyboardModel::rowsOf(layout)) {
      for (const Key& key : row) {
        EXPECT_FALSE(key.label.empty()) << key.id;
        EXPECT_GE(key.width, 1.0f) << key.id;
        EXPECT_TRUE(ids.insert(key.id).second) << "twice: " << key.id;
        if (key.kind == KeyKind::Text || key.kind == KeyKind::Space) {
          EXPECT_FALSE(key.output.empty()) << key.id;
        }
      }
    }
    EXPECT_TRUE(ids.count(std::string(keys::kHide))) << static_cast<int>(layout);
    EXPECT_TRUE(ids.count(std::string(keys::kBackspace))) << static_cast<int>(layout);
  }
}

TEST(KeyboardLayoutTest, NoRowIsWiderThanElevenUnits) {
  for (Layout layout : kLayouts) {
    ASSERT_FALSE(KeyboardModel::rowsOf(layout).empty());
    for (const KeyRow& row : KeyboardModel::rowsOf(layout)) {
      EXPECT_LE(KeyboardModel::rowUnits(row), KeyboardModel::kMaxRowUnits) << static_cast<int>(layout);
    }
  }
  for (const char* letter : {"a", "c", "e", "i", "o", "s", "u", "z"}) {
    EXPECT_LE(KeyboardModel::accentsOf(letter).size(), 11u) << letter;  // the popup row fits too
  }
}

TEST(KeyboardLayoutTest, ElevenUnitsOfNineMillimetresFitA7InchScreen) {
  const float target = touchTargetPixels(SDL_Point{800, 480}, 7.0);  // 9 mm at 133 dpi
  EXPECT_NEAR(target, 47.0f, 1.5f);
  EXPECT_LT(KeyboardModel::kMaxRowUnits * target, 800.0f);
}

// The fonts always hold U+0020-U+024F (Latin to Extended-B) and the euro sign; anything else on
// a key would show as a box unless a pack text happened to use it.
TEST(KeyboardLayoutTest, EveryLabelAndAccentIsInTheAlwaysLoadedGlyphs) {
  const auto inFont = [](const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte >= 0xF0) return false;
      if (byte >= 0xE0 && text.compare(i, 3, "€") != 0) return false;
      if (byte >= 0xCA && byte < 0xE0) return false;  // U+0280 and up
    }
    return true;
  };
  KeyboardModel shifted;
  shifted.press(keys::kShift, kStart);
  for (Layout layout : kLayouts) {
    for (const KeyRow& row : KeyboardModel::rowsOf(layout)) {
      for (const Key& key : row) {
        EXPECT_TRUE(inFont(key.label)) << key.label;
        EXPECT_TRUE(inFont(key.shifted)) << key.shifted;
      }
    }
  }
  for (const char* letter : {"a", "c", "d", "e", "g", "i", "l", "n", "o", "s", "u", "y", "z"}) {
    EXPECT_FALSE(KeyboardModel::accentsOf(letter).empty()) << letter;
    for (const std::string& accent : shifted.longPress(letter)) EXPECT_TRUE(inFont(accent)) << accent;
  }
}

}  // namespace
}  // namespace etalase::kiosk
