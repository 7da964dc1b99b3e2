"""What the terminal in front of the reader does, and how to write for it.

`detect` names the terminal (environment, tmux, its own answers through `query`),
`families` holds what is known about each kind and the control sequences that switch its
own bidi off, `modes` turns painted cells into what that terminal must be sent, `choice`
settles the mode in use (command line, saved, detected), and `current` puts these together
for the terminal on the controlling tty.
"""
