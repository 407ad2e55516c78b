#!/usr/bin/env python3
# stand-in-prompter.py: answers gnome-keyring's prompts on D-Bus, for tests
#
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# gnome-keyring asks the user to unlock a keyring through a prompter on the
# session bus, the name org.gnome.keyring.SystemPrompter with the
# org.gnome.keyring.internal.Prompter interface of gcr 3 (gcr-prompter
# shows the real dialog). Under Xvfb nobody can type into that dialog, so
# this stands in for it: it owns the name and answers every password prompt
# with the password given, or dismisses it, as the user would. The password
# travels encrypted, as gcr's secret exchange wants it (Gcr.SecretExchange).
#
# Usage: stand-in-prompter.py password PASSWORD | stand-in-prompter.py dismiss
# It prints "ready" once it owns the name, and one line per prompt answered.

import sys

import gi

gi.require_version('Gcr', '3')
from gi.repository import Gcr, Gio, GLib  # noqa: E402

BUS_NAME = 'org.gnome.keyring.SystemPrompter'
PATH = '/org/gnome/keyring/Prompter'
INTERFACE = 'org.gnome.keyring.internal.Prompter'
CALLBACK_INTERFACE = 'org.gnome.keyring.internal.Prompter.Callback'

INTROSPECTION = '''
<node>
  <interface name="org.gnome.keyring.internal.Prompter">
    <method name="BeginPrompting">
      <arg name="callback" type="o" direction="in"/>
    </method>
    <method name="PerformPrompt">
      <arg name="callback" type="o" direction="in"/>
      <arg name="type" type="s" direction="in"/>
      <arg name="properties" type="a{sv}" direction="in"/>
      <arg name="exchange" type="s" direction="in"/>
    </method>
    <method name="StopPrompting">
      <arg name="callback" type="o" direction="in"/>
    </method>
  </interface>
</node>
'''


class StandIn:
    def __init__(self, connection, answer, password):
        self.connection = connection
        self.answer = answer
        self.password = password
        self.exchanges = {}

    def ready(self, sender, callback, reply, exchange):
        self.connection.call(sender, callback, CALLBACK_INTERFACE, 'PromptReady',
                             GLib.Variant('(sa{sv}s)', (reply, {}, exchange)),
                             None, Gio.DBusCallFlags.NO_AUTO_START, -1, None, None)

    def answer_prompt(self, sender, callback, kind):
        exchange = self.exchanges[(sender, callback)]
        if self.answer == 'dismiss':
            reply, sent = 'no', exchange.send(None, -1)
        elif kind == 'password':
            reply, sent = 'yes', exchange.send(self.password, -1)
        else:
            reply, sent = 'yes', exchange.send(None, -1)
        print('%s prompt: %s' % (kind, reply), flush=True)
        self.ready(sender, callback, reply, sent)
        return GLib.SOURCE_REMOVE

    def method_call(self, connection, sender, path, interface, method, parameters, invocation):
        callback = parameters[0]
        key = (sender, callback)

        if method == 'BeginPrompting':
            exchange = Gcr.SecretExchange.new(None)
            self.exchanges[key] = exchange
            invocation.return_value(None)
            self.ready(sender, callback, '', exchange.begin())
        elif method == 'PerformPrompt':
            kind, received = parameters[1], parameters[3]
            if key not in self.exchanges or not self.exchanges[key].receive(received):
                invocation.return_dbus_error('org.freedesktop.DBus.Error.InvalidArgs', 'Bad exchange')
                return
            invocation.return_value(None)
            GLib.idle_add(self.answer_prompt, sender, callback, kind)
        elif method == 'StopPrompting':
            self.exchanges.pop(key, None)
            invocation.return_value(None)
            connection.call(sender, callback, CALLBACK_INTERFACE, 'PromptDone', None,
                            None, Gio.DBusCallFlags.NO_AUTO_START, -1, None, None)


def main():
    answer = sys.argv[1]
    password = sys.argv[2] if answer == 'password' else None
    loop = GLib.MainLoop()
    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    stand_in = StandIn(connection, answer, password)
    info = Gio.DBusNodeInfo.new_for_xml(INTROSPECTION)
    connection.register_object(PATH, info.interfaces[0], stand_in.method_call, None, None)

    def acquired(connection, name):
        print('ready', flush=True)

    def lost(connection, name):
        print('could not own %s' % name, flush=True)
        loop.quit()

    Gio.bus_own_name_on_connection(connection, BUS_NAME, Gio.BusNameOwnerFlags.DO_NOT_QUEUE,
                                   acquired, lost)
    loop.run()


if __name__ == '__main__':
    main()
