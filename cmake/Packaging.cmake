# The Debian package: `cpack -G DEB` in a build tree (scripts/package.sh makes a Release one)
# writes daybreak_<version>_amd64.deb, the cmake --install layout under /usr. Its Depends are the
# Debian packages of the shared libraries the programs link (dpkg-shlibdeps), plus what is loaded
# at run time and so invisible to it: Qt's SQLite and PostgreSQL drivers, and useradd for the
# postinst. Nothing of the build toolchain.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME daybreak)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Daybreak team <daybreak@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "migration console: weekend waves, the 6am SLA, cutover and rollback one pipeline at a time")
set(CPACK_PACKAGE_DESCRIPTION
    "Daybreak plans dependency-valid weekend waves for moving nightly pipelines from on-prem to
the cloud, watches the 6am SLA during cutovers, and cuts each pipeline over or rolls it back
alone by flipping its routing pointer in a SQLite file or a PostgreSQL server. The package holds
the console (daybreak), the command line (daybreakctl), the watch's systemd unit (disabled),
man pages and bash completion.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # daybreak_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, passwd")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/resources/debian/postinst
    ${PROJECT_SOURCE_DIR}/resources/debian/prerm
    ${PROJECT_SOURCE_DIR}/resources/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
