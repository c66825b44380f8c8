"""Undoable edits. Every change to a project's data is a Command pushed on a CommandStack.

"All UI frontends map interactions to command objects" (glue): the GUI, the
CLI and the tests make the same objects, so undo/redo and the change log
cover every edit for free.
"""

from assetmap.core.commands.assets import AddAsset, DeleteAsset, EditAsset, MoveAsset
from assetmap.core.commands.attachments import AddAttachment, RemoveAttachment
from assetmap.core.commands.base import Command, CommandGroup, CommandStack
from assetmap.core.commands.categories import AddCategory, EditCategory, MergeCategories
from assetmap.core.commands.duplicates import MarkNotDuplicate, MergeAssets
from assetmap.core.commands.fields import RenameField
from assetmap.core.commands.review import SetReview

__all__ = [
    "AddAsset",
    "AddAttachment",
    "AddCategory",
    "Command",
    "CommandGroup",
    "CommandStack",
    "DeleteAsset",
    "EditAsset",
    "EditCategory",
    "MarkNotDuplicate",
    "MergeAssets",
    "MergeCategories",
    "MoveAsset",
    "RemoveAttachment",
    "RenameField",
    "SetReview",
]
