'''Stand-in for xdg-desktop-portal's Background portal, a python-dbusmock template

Serves org.freedesktop.portal.Background on /org/freedesktop/portal/desktop
under the name org.freedesktop.portal.Desktop, with its "version" property
(parameter "version", 2 unless told) and SetStatus. RequestBackground answers
through a Request object at the path the caller can work out before calling
(its unique name and the handle_token), emitting Response before the method
returns: a caller that subscribes only once it has the reply misses it.

The answer is set with SetResponse(u response, b background, b autostart) on
org.freedesktop.DBus.Mock (0, true, true unless told); both methods are in the
mock's call log (GetMethodCalls) with their options.
'''

# SPDX-License-Identifier: GPL-3.0-or-later

import dbus

import dbusmock
from dbusmock import MOCK_IFACE

BUS_NAME = 'org.freedesktop.portal.Desktop'
MAIN_OBJ = '/org/freedesktop/portal/desktop'
MAIN_IFACE = 'org.freedesktop.portal.Background'
SYSTEM_BUS = False

REQUEST_IFACE = 'org.freedesktop.portal.Request'
REQUEST_PATH = '/org/freedesktop/portal/desktop/request/'


def load(mock, parameters):
    mock.answer = (0, True, True)
    mock.AddProperties(MAIN_IFACE, dbus.Dictionary({
        'version': dbus.UInt32(parameters.get('version', 2)),
    }, signature='sv'))
    mock.AddMethod(MAIN_IFACE, 'SetStatus', 'a{sv}', '', '')


@dbus.service.method(MAIN_IFACE, in_signature='sa{sv}', out_signature='o', sender_keyword='sender')
def RequestBackground(self, parent_window, options, sender=None):
    token = options.get('handle_token', 'dbusmock')
    path = REQUEST_PATH + sender[1:].replace('.', '_') + '/' + token
    self.AddObject(path, REQUEST_IFACE, {}, [('Close', '', '', '')])

    response, background, autostart = self.answer
    results = dbus.Dictionary({}, signature='sv')
    if response == 0:
        results['background'] = dbus.Boolean(background)
        results['autostart'] = dbus.Boolean(autostart and options.get('autostart', False))
    dbusmock.get_object(path).EmitSignal(REQUEST_IFACE, 'Response', 'ua{sv}',
                                         [dbus.UInt32(response), results])
    self.RemoveObject(path)

    return dbus.ObjectPath(path)


@dbus.service.method(MOCK_IFACE, in_signature='ubb', out_signature='')
def SetResponse(self, response, background, autostart):
    self.answer = (int(response), bool(background), bool(autostart))
