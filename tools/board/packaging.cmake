# What `cmake --install` puts where, and the .deb CPack makes of it (tools/install-board builds it
# with CMAKE_INSTALL_PREFIX=/usr). The service, its settings file and the maintainer scripts live
# beside this file.
include(GNUInstallDirs)

install(TARGETS etalase etalase-pack etalase-leads RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Relative destinations land under /usr in the .deb (CPACK_PACKAGING_INSTALL_PREFIX).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/etalase.service ${CMAKE_CURRENT_LIST_DIR}/etalase-stick@.service
              ${CMAKE_CURRENT_LIST_DIR}/etalase-stick-request.socket ${CMAKE_CURRENT_LIST_DIR}/etalase-stick-request@.service
        DESTINATION lib/systemd/system)
# Mounts sticks read-only and makes one writable for an export; run by systemd as root only.
install(PROGRAMS ${CMAKE_CURRENT_LIST_DIR}/etalase-stick DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/etalase)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/90-etalase-usb.rules DESTINATION lib/udev/rules.d)
# /etc whatever the prefix: the service reads it there (a .deb is always laid out from /).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/etalase.conf DESTINATION /etc/etalase)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Man pages made from each program's --help (help2man), so that `man etalase` works on a board.
# Not when cross-building (the programs cannot run here) or with the sanitizers (no package then).
find_program(HELP2MAN help2man)
if(HELP2MAN AND NOT CMAKE_CROSSCOMPILING AND NOT ETALASE_SANITIZE)
  set(man_dir ${CMAKE_BINARY_DIR}/man)
  set(man_pages)
  foreach(entry "etalase|touch-screen kiosk for exhibition stands"
                "etalase-pack|check, prepare and start Etalase content packs"
                "etalase-leads|the Etalase kiosk's leads: export, merge and count them")
    string(REPLACE "|" ";" entry "${entry}")
    list(GET entry 0 program)
    list(GET entry 1 summary)
    add_custom_command(OUTPUT ${man_dir}/${program}.1.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${man_dir}
      COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 --version-string=${PROJECT_VERSION}
              --source=Etalase "--name=${summary}" --output=${man_dir}/${program}.1 $<TARGET_FILE:${program}>
      COMMAND gzip -9nf ${man_dir}/${program}.1
      DEPENDS ${program} VERBATIM)
    list(APPEND man_pages ${man_dir}/${program}.1.gz)
  endforeach()
  add_custom_target(man_pages ALL DEPENDS ${man_pages})
  install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  add_custom_target(man_pages)  # so that a build may always name it; the package goes without
endif()
# Debian wants the changelog compressed, reproducibly (-n: no name or time in the header).
execute_process(COMMAND gzip -9nc ${CMAKE_CURRENT_LIST_DIR}/debian/changelog
                OUTPUT_FILE ${CMAKE_BINARY_DIR}/changelog.gz COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The built-in demo pack travels in the package when it was generated into the folder the kiosk
# was built to look in (tools/install-board points that at /usr/share/etalase/demo-pack).
set(ETALASE_PACKAGE_DEMO_PACK "" CACHE PATH "A generated demo pack to install into ETALASE_DEMO_PACK_DIR")
if(ETALASE_PACKAGE_DEMO_PACK)
  install(DIRECTORY ${ETALASE_PACKAGE_DEMO_PACK}/ DESTINATION ${ETALASE_DEMO_PACK_DIR})
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME etalase)
set(CPACK_PACKAGE_VENDOR "Etalase")
set(CPACK_PACKAGE_CONTACT "Etalase developers <etalase@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Touch-screen kiosk for exhibition stands")
# Lines of at most 80 characters, as Debian's tools show them.
set(CPACK_PACKAGE_DESCRIPTION
    "Plays producers' videos, shows their products to visiting buyers and captures\nthe buyers' contact details on the kiosk itself. Runs on the Linux console as\na systemd service with a watchdog.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
# Library dependencies are read off the binaries; the rest is what the kiosk opens at run time.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# SDL's KMSDRM driver opens EGL, GLES and GBM at run time (dlopen), so shlibdeps cannot see them:
# without libegl1 the kiosk on a bare console stops at "EGL not initialized" (seen in a Debian 12 VM).
# libgl1-mesa-dri holds the GPU drivers (a Pi's vc4/v3d) and the software fallback.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "adduser, systemd, fonts-noto-core, fonts-noto-cjk, iso-codes, libegl1, libgles2, libgbm1, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/debian/postinst ${CMAKE_CURRENT_LIST_DIR}/debian/prerm
    ${CMAKE_CURRENT_LIST_DIR}/debian/postrm ${CMAKE_CURRENT_LIST_DIR}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
