// The kiosk application: owns the window and the screens, routes input to them, runs the idle
// timer and presents. Screens that own resources own them in their own component (screens/);
// the loop sleeps until the next video frame is due or an input arrives. UI thread only.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/catalog/catalog.h"
#include "kiosk/media_output.h"
#include "kiosk/navigation.h"
#include "kiosk/options.h"
#include "kiosk/packs/pack_installer.h"
#include "kiosk/packs/usb_install_flow.h"
#include "kiosk/save_frame_watch.h"
#include "kiosk/settings/kiosk_settings.h"
#include "kiosk/staff_mode.h"
#include "kiosk/leads/scan_detector.h"
#include "kiosk/leads/store_saver.h"
#include "kiosk/screens/contact/contact_form.h"
#include "kiosk/screens/attract_loop.h"
#include "kiosk/screens/badge_scan/badge_scan_page.h"
#include "kiosk/screens/grid_screen.h"
#include "kiosk/screens/install_prompt.h"
#include "kiosk/screens/notices.h"
#include "kiosk/screens/producer_page.h"
#include "kiosk/screens/product_page.h"
#include "kiosk/screens/product_posters.h"
#include "media/playlist.h"
#include "platform/display.h"
#include "platform/media_events.h"
#include "platform/removable_media.h"
#include "platform/swipe.h"
#include "platform/ui_context.h"
#include "platform/watchdog.h"

namespace etalase::kiosk {

class App {
 public:
  // SDL must be initialised (platform::SdlSession) for as long as the App lives.
  static Result<std::unique_ptr<App>> create(const KioskOptions& options);

  class Key {
    friend class App;
    Key() = default;
  };
  App(Key, const KioskOptions& options, platform::Display display);
  ~App();

  // Runs until the window is closed or --loops is reached. Returns the process exit code.
  int run();
  // One pass of the loop, waiting at most `maxWait` for something to do. For tests.
  void step(std::chrono::milliseconds maxWait);

  ScreenId screen() const { return m_navigation.screen(); }
  bool quitRequested() const { return m_quit; }
  const platform::Display& display() const { return m_display; }
  const std::string& language() const { return m_language; }
  // How many video frames have been put on screen so far (attract loop; product pages).
  long framesShown() const { return m_attract.framesShown(); }
  long productFramesShown() const { return m_productPage.framesShown(); }
  // The pack's index of the product on the product page (the last one opened).
  std::size_t productShown() const { return m_productPage.product(); }
  media::Playlist* playlist() { return m_attract.playlist(); }
  // Where a named control was drawn last frame, in window pixels (for tests that touch it).
  std::optional<SDL_Point> controlAt(const std::string& name) const;
  // Where it was drawn, in pixels.
  std::optional<SDL_Rect> controlBounds(const std::string& name) const;
  UsbInstallFlow::Stage installStage() const { return m_usbFlow->stage(); }
  // The content pack on screen (empty with --play).
  const std::filesystem::path& packShown() const { return m_packShown; }
  // Playback figures as one JSON line (etalase --stats).
  std::string statsJson() const;

 private:
  using Clock = std::chrono::steady_clock;

  void showContent();
  void reloadContent(const std::filesystem::path& pack);
  void pollUsb(Clock::time_point now);
  void applyInstallAction(const InstallPromptAction& action, Clock::time_point now);
  void rollbackPack(Clock::time_point now);
  // Staff mode opened or closed, or its screens asked for something.
  void applyStaffEvent(const StaffModeEvent& event, Clock::time_point now);
  // The stand's settings (at the start, and when staff save them): form rules, idle timeout,
  // languages.
  void applySettings(const KioskSettings& settings);
  void applyLanguageSettings();
  // The picture's turn and the UI's size: the settings' when staff set them, else the command line's.
  int screenRotation() const;
  double uiScale() const;
  // A new UI (font atlas) for the texts the screens may show, and the characters added since.
  void rebuildUi();
  void openProduct(std::size_t index, Clock::time_point now);
  // A swipe on a product page: the next product in the pack's order (left) or the one before.
  bool swipeProduct(platform::Swipe swipe, Clock::time_point now);
  void openProducer(const std::string& producerId, Clock::time_point now);
  void openContactForm(const std::string& producerId, Clock::time_point now);
  // Typed text and Enter/Tab, seen first by the badge scanner detector (a USB scanner types).
  void handleTyping(const SDL_Event& event, Clock::time_point now);
  void openBadgeScan(Clock::time_point now);
  // A card scanned (`source`: by the USB scanner or by the camera): the form, filled in.
  void applyScan(const std::string& cardText, const char* source, Clock::time_point now);
  // What the scanner detector decided for typed text: erase, type, act on the key, open a card.
  void applyScanStep(const ScanStep& step, std::optional<FormKey> key, Clock::time_point now);
  int64_t scanClock(Clock::time_point now) const;  // ms since start, the detector's clock
  // The producer of the page on screen (empty elsewhere): a form opened there is about them.
  std::string currentProducerId() const;
  void updateIdleWarning(Clock::time_point now);
  void handleHeader(const HeaderAction& action, Clock::time_point now);
  // Runs `action` once the current frame is presented (it may free what the frame draws).
  void afterFrame(std::function<void()> action);
  void handleEvent(const SDL_Event& event, Clock::time_point now);
  void enterScreen(ScreenId screen, Clock::time_point now);
  void collectPlaylistErrors(Clock::time_point now);
  void addNotice(const std::string& text, Clock::time_point now);
  ScreenContext screenContext() const;
  void render();
  Clock::time_point nextWake(Clock::time_point now) const;

  KioskOptions m_options;
  platform::Display m_display;
  platform::Watchdog m_watchdog;
  platform::PrimaryFinger m_primaryFinger;
  platform::SwipeDetector m_swipe;
  platform::NewScreenGuard m_newScreenGuard;
  MediaOutput m_output;  // before everything that plays or shows pictures
  std::unique_ptr<platform::UiContext> m_ui;
  std::vector<std::string> m_uiTexts;  // the pack's and the kiosk's texts, for the font atlas
  // Characters of leads shown in staff mode that the atlas lacked (names in any script): added to
  // the atlas when they first show, not kept in the log or anywhere else.
  std::string m_extraGlyphs;
  bool m_rebuildUiPending = false;
  double m_builtUiScale = 0;  // the scale the UI was last built at
  std::optional<Catalog> m_catalog;
  std::vector<std::string> m_packLanguages;  // all of the pack's, before the settings choose some
  std::string m_packDefaultLanguage;
  std::filesystem::path m_packShown;
  KioskSettings m_settings;
  std::string m_language;

  // The screens.
  Navigation m_navigation;
  AttractLoop m_attract;
  GridState m_grid;
  ProductPosters m_posters;
  ProductPage m_productPage;
  ProducerPage m_producerPage;
  Notices m_notices;
  SaveFrameWatch m_saveFrames;

  // Buyer contacts: the form, the store that saves them off the UI thread, and the products this
  // visitor opened (ticked on the form; forgotten when the next visitor's attract loop starts).
  std::unique_ptr<leads::LeadSaver> m_leads;
  std::unique_ptr<ContactForm> m_form;
  ScreenId m_formBackTo = ScreenId::Grid;
  std::string m_formProducer;  // whom the form is about, kept while the visitor scans their badge
  BadgeScanPage m_badgeScan;
  std::string m_camera;  // empty: no camera
  std::vector<std::string> m_viewedProducts;
  ScanDetector m_scanDetector;
  std::optional<std::string> m_leadsWarning;  // the last one logged
  Clock::time_point m_started = Clock::now();
  int m_failedFiles = 0;

  // Packs from USB sticks.
  platform::RemovableMediaWatcher m_volumes;
  platform::MediaEvents m_mediaEvents;
  // The first look for sticks waits until the first picture is up: it reads the mount table and
  // every removable volume, 15 ms or more, which the launch should not wait for.
  Clock::time_point m_nextVolumePoll = Clock::now() + std::chrono::seconds(1);
  std::unique_ptr<PackInstaller> m_installer;
  std::unique_ptr<UsbInstallFlow> m_usbFlow;
  std::optional<std::filesystem::path> m_reloadPending;

  // Staff mode: the corner hold, the PIN pad, the staff screens.
  std::unique_ptr<StaffMode> m_staff;

  std::function<void()> m_afterFrame;
  bool m_quit = false;
  bool m_needsRender = true;
};

}  // namespace etalase::kiosk
