# placeholder created empty by the GUI helper so the tree configures; its owner fills it in
